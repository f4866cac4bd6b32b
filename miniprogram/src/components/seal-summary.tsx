import { Text, View } from '@tarojs/components';
import { sealValidityText } from '@seal/shared/time';
import { SEAL_KIND_LABELS, SEAL_STATE_LABELS, type SealKind, type SealState } from '../domain';
import { Tag } from './nutui';
import { SealImage } from './seal-image';
import './forms.css';

export function sealStateLabel(state: string): string {
  return SEAL_STATE_LABELS[state as SealState] ?? state;
}

export function sealKindLabel(kind: string): string {
  return SEAL_KIND_LABELS[kind as SealKind] ?? kind;
}

/**
 * A seal as a list row or page header: its name, kind, state and validity. `unclaimedByMe` shows
 * it as the person sees it in 印章领取: 待领取 for them, whatever the seal's state for the company.
 * With its id, the seal's image stands beside it.
 */
export function SealSummary({
  seal,
  unclaimedByMe,
}: {
  seal: { sealId?: string; name: string; kind: string; state: string; expiresOn?: string; stateReason?: string };
  unclaimedByMe?: boolean;
}) {
  const usable = seal.state === 'active' || seal.state === 'renewal_due';
  const waiting = unclaimedByMe || seal.state === 'pending_claim';
  return (
    <View className="list-item seal-summary">
      {seal.sealId && <SealImage sealId={seal.sealId} name={seal.name} />}
      <View className="seal-summary__text">
        <View className="row">
          <Text className="list-title">{seal.name}</Text>
          <Tag type={waiting ? 'warning' : usable ? 'success' : 'default'}>{waiting ? '待领取' : sealStateLabel(seal.state)}</Tag>
        </View>
        <Text className="list-sub">{`${sealKindLabel(seal.kind)} · ${waiting ? '未领取' : sealValidityText(seal)}`}</Text>
        {seal.stateReason && (seal.state === 'frozen' || seal.state === 'revoked') && (
          <Text className="list-sub">{`${seal.state === 'frozen' ? '冻结' : '注销'}原因：${seal.stateReason}`}</Text>
        )}
      </View>
    </View>
  );
}

/**
 * A seal row's place while its data loads: the same height as the row to come, so the entries
 * below it do not move under a finger about to tap them.
 */
export function SealSummaryPlaceholder() {
  return (
    <View className="list-item seal-summary is-loading" aria-busy="true">
      <View className="seal-image" />
      <View className="seal-summary__text">
        <Text className="list-sub">正在加载…</Text>
      </View>
    </View>
  );
}
