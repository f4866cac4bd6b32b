import { Text, View } from '@tarojs/components';
import { FormError } from '../../../components/feedback';
import { Button } from '../../../components/nutui';
import { platformName } from '../../../platform';
import { signedFileName } from '../../../services/documents';
import type { SigningActions, SigningState } from './use-signing';

/** 签章成功: what was signed, and the file to send or download. */
export function DoneStep({
  state,
  busy,
  error,
  actions,
}: {
  state: SigningState;
  busy: boolean;
  error: string | null;
  actions: SigningActions;
}) {
  const { signed, document } = state;
  if (!signed || !document) return null;
  return (
    <View className="sign-done">
      <View className="card sign-result" aria-live="polite">
        <Text className="sign-result__title">签章成功</Text>
        <View className="kv">
          <Text className="text-muted">文件</Text>
          <Text>{signedFileName(document.name)}</Text>
        </View>
        <View className="kv">
          <Text className="text-muted">已盖印章</Text>
          <Text>{state.appliedSeals.join('、')}</Text>
        </View>
        <View className="kv">
          <Text className="text-muted">页数 / 签章数</Text>
          <Text>
            {signed.pages} 页 / {signed.signatures} 个签章
          </Text>
        </View>
      </View>
      <FormError message={error} />
      <View className="actions">
        <Button type="primary" block className="sign-share" disabled={busy} onClick={() => void actions.share()}>
          {platformName === 'weapp' ? '发送给微信好友' : '下载已签章文件'}
        </Button>
        <Button block className="sign-again" onClick={actions.signAgain}>
          继续加盖其他印章
        </Button>
        <Button block onClick={actions.startOver}>
          签署新文件
        </Button>
      </View>
    </View>
  );
}
