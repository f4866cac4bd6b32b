import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { SealPlacer, sealSizePt } from '../../../components/SealPlacer';
import { PinKeypad } from '../../../components/PinKeypad';
import { useSealImage } from '../../../components/seal-image';
import { usePagePreview } from './use-page-preview';
import { ZOOMS, type SigningActions, type SigningState } from './use-signing';

interface Props {
  state: SigningState;
  fitWidth: number;
  busy: boolean;
  pinError?: string;
  actions: SigningActions;
}

/** 拖动印章到盖章位置, 骑缝章, then the PIN. */
export function PlaceStep({ state, fitWidth, busy, pinError, actions }: Props) {
  const { document, seal, page, zoom, placements, crossPage } = state;
  const cssWidth = fitWidth * zoom;
  const previewUrl = usePagePreview(document?.preview, page, cssWidth, document?.boxes[page - 1]);
  const sealImageUrl = useSealImage(seal?.sealId);
  if (!document || !seal) return null;
  const zoomIndex = ZOOMS.indexOf(zoom as (typeof ZOOMS)[number]);
  const onThisPage = placements.filter((p) => p.page === page).length;
  const canConfirm = placements.length > 0 || crossPage;

  return (
    <View className="sign-place">
      {document.format === 'ofd' && !document.preview && (
        <View className="card text-muted sign-ofd-note">
          OFD文件在本设备上不显示页面内容：第 {page} 页显示为页面轮廓，请按位置放置印章。
        </View>
      )}
      <View className="card sign-toolbar">
        <View className="row">
          <Button size="small" className="sign-prev-page" disabled={page <= 1} onClick={() => actions.goToPage(page - 1)}>
            上一页
          </Button>
          <Text className="sign-page-no">
            第 {page} / {document.pageCount} 页
          </Text>
          <Button size="small" className="sign-next-page" disabled={page >= document.pageCount} onClick={() => actions.goToPage(page + 1)}>
            下一页
          </Button>
        </View>
        <View className="row">
          <Button size="small" disabled={zoomIndex <= 0} onClick={() => actions.setZoom(ZOOMS[zoomIndex - 1]!)}>
            缩小
          </Button>
          <Text className="text-muted">{Math.round(zoom * 100)}%</Text>
          <Button size="small" disabled={zoomIndex >= ZOOMS.length - 1} onClick={() => actions.setZoom(ZOOMS[zoomIndex + 1]!)}>
            放大
          </Button>
        </View>
      </View>
      <Text className="sign-tip text-muted">
        {onThisPage > 0 ? '按住印章拖动到盖章位置' : `点击“在本页盖章”，再把【${seal.name}】拖到盖章位置`}
      </Text>
      <View className="sign-page-frame">
        <SealPlacer
          pageNumber={page}
          box={document.boxes[page - 1]!}
          cssWidth={cssWidth}
          previewUrl={previewUrl}
          seal={{ kind: seal.kind, name: seal.name, sizePt: sealSizePt(seal.kind), imageUrl: sealImageUrl }}
          placements={placements}
          onMove={actions.moveSeal}
          onRemove={actions.removeSeal}
        />
      </View>
      <View className="card">
        <Button className="sign-add-seal" block onClick={actions.addPlacement}>
          在本页盖章
        </Button>
        <View
          className={`sign-cross-page${crossPage ? ' sign-cross-page--on' : ''}`}
          role="checkbox"
          aria-checked={crossPage}
          onClick={actions.toggleCrossPage}
        >
          <Text className="sign-cross-page__box">{crossPage ? '✓' : ''}</Text>
          <Text>加盖骑缝章（印章分割在每页右侧边缘）</Text>
        </View>
        <Text className="text-muted">{`已选择 ${placements.length} 处盖章位置${crossPage ? '，并加盖骑缝章' : ''}`}</Text>
      </View>
      <Button type="primary" block className="sign-confirm" disabled={!canConfirm || busy} onClick={actions.openPin}>
        确认盖章
      </Button>
      {state.pinOpen && (
        <View className="sign-pin-sheet">
          <PinKeypad
            title="请输入签章密码"
            hint={`使用【${seal.name}】在《${document.name}》上盖章${placements.length ? ` ${placements.length} 处` : ''}${crossPage ? '（含骑缝章）' : ''}`}
            submitLabel="确认签章"
            busy={busy}
            error={pinError}
            onSubmit={(pin) => void actions.sign(pin)}
            onCancel={actions.closePin}
          />
        </View>
      )}
    </View>
  );
}
