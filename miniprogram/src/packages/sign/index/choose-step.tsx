import { View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { SealImage } from '../../../components/seal-image';
import { CompanyPicker } from '../../../components/company-picker';
import { EmptyNote, ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { Button } from '../../../components/nutui';
import { useRemote } from '../../../components/use-remote';
import { platformName } from '../../../platform';
import type { Me } from '../../../services/me';
import { loadSignableSeals, signingCompanies } from './signable-seals';
import type { SigningActions, SigningState } from './use-signing';

interface Props {
  me: Me;
  state: SigningState;
  busy: boolean;
  error: string | null;
  actions: SigningActions;
}

/** 选择企业、印章和文件. */
export function ChooseStep({ me, state, busy, error, actions }: Props) {
  const companies = signingCompanies(me);
  const companyId = state.companyId ?? (companies.length === 1 ? companies[0]!.companyId : undefined);
  const seals = useRemote(companyId ? () => loadSignableSeals(me, companyId) : null, [companyId, me]);
  if (companies.length === 0) return <EmptyNote text="您还没有可用于签章的企业印章：请先由法定代表人授权并领取印章" />;

  const sealList = seals.remote.status === 'ready' ? seals.remote.data : [];
  const ready = Boolean(state.seal && state.document && !busy);
  return (
    <View className="sign-choose">
      <View className="card">
        <CompanyPicker companies={companies} companyId={companyId} onChange={actions.chooseCompany} />
        {companyId && seals.remote.status === 'loading' && <Loading text="正在加载印章…" />}
        {seals.remote.status === 'error' && <ErrorBlock message={seals.remote.message} onRetry={() => void seals.reload()} />}
        {seals.remote.status === 'ready' && sealList.length === 0 && <EmptyNote text="该企业没有您已领取、可签章的印章" />}
        {sealList.length > 0 && (
          <ChoiceChips
            label="选择印章"
            single
            choices={sealList.map((s) => ({ value: s.sealId, label: s.note ? `${s.name}（${s.note}）` : s.name }))}
            selected={state.seal ? [state.seal.sealId] : []}
            onChange={([sealId]) => {
              const seal = sealList.find((s) => s.sealId === sealId);
              if (seal && companyId) {
                if (!state.companyId) actions.chooseCompany(companyId);
                actions.chooseSeal(seal);
              }
            }}
          />
        )}
        {state.seal && <SealImage sealId={state.seal.sealId} name={state.seal.name} />}
        {state.seal && !state.seal.usable && <FormError message={`该印章${state.seal.note ?? '当前状态'}，不能签章`} />}
      </View>
      <View className="card">
        <View className="field-label">待签文件</View>
        {state.document ? (
          <View className="sign-file">
            <View className="sign-file__name">{state.document.name}</View>
            <View className="text-muted">
              {state.document.format === 'ofd' ? 'OFD文件，' : ''}共 {state.document.pageCount} 页
            </View>
            {state.document.format === 'ofd' && (
              <View className="text-muted sign-ofd-note">
                {state.document.preview ? 'OFD文件须使用国密（SM2）印章。' : 'OFD文件须使用国密（SM2）印章；本设备不显示页面内容，按页面轮廓放置印章。'}
              </View>
            )}
            {state.appliedSeals.length > 0 && <View className="text-muted">已盖：{state.appliedSeals.join('、')}</View>}
          </View>
        ) : (
          <View className="sign-file text-muted">
            {platformName === 'weapp' ? '从微信聊天中选择PDF或OFD文件（不超过50MB）' : '选择PDF或OFD文件（不超过50MB）'}
          </View>
        )}
        <Button className="sign-pick-file" disabled={busy} onClick={() => void actions.pickDocument()}>
          {busy ? '正在上传…' : state.document ? '更换文件' : '选择文件'}
        </Button>
      </View>
      <FormError message={error} />
      <Button type="primary" block className="sign-next" disabled={!ready || !state.seal?.usable} onClick={actions.startPlacing}>
        下一步：选择盖章位置
      </Button>
    </View>
  );
}
