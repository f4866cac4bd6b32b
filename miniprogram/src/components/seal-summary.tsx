import { Text, View } from '@tarojs/components';
import { SEAL_KIND_LABELS, SEAL_STATE_LABELS, type SealKind, type SealState } from '../domain';
import { Tag } from './nutui';
import './forms.css';

export function sealStateLabel(state: string): string {
  return SEAL_STATE_LABELS[state as SealState] ?? state;
}

export function sealKindLabel(kind: string): string {
  return SEAL_KIND_LABELS[kind as SealKind] ?? kind;
}

/** A seal as a list row or page header: its name, kind, state and expiry. */
export function SealSummary({ seal }: { seal: { name: string; kind: string; state: string; expiresOn?: string } }) {
  const usable = seal.state === 'active' || seal.state === 'renewal_due';
  return (
    <View className="list-item">
      <View className="row">
        <Text className="list-title">{seal.name}</Text>
        <Tag type={usable ? 'success' : seal.state === 'pending_claim' ? 'warning' : 'default'}>{sealStateLabel(seal.state)}</Tag>
      </View>
      <Text className="list-sub">
        {sealKindLabel(seal.kind)}
        {seal.expiresOn ? ` · 有效期至 ${seal.expiresOn.slice(0, 10)}` : ''}
      </Text>
    </View>
  );
}
