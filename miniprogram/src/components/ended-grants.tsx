import { Text, View } from '@tarojs/components';
import { endedGrantText, fetchGrants } from '../services/grants';
import { useRemote } from './use-remote';
import './forms.css';

/** Seals I lost lately (a cancelled grant, a licence change) and why: nobody loses a seal without being told. */
export function EndedGrants() {
  const { remote } = useRemote(fetchGrants, []);
  const ended = remote.status === 'ready' ? (remote.data.ended ?? []) : [];
  if (ended.length === 0) return null;
  return (
    <View className="card" data-testid="ended-grants">
      <Text className="card-title">已终止的授权</Text>
      {ended.map((g) => (
        <Text key={g.grantId} className="list-sub ended-grant">
          {endedGrantText(g)}
        </Text>
      ))}
    </View>
  );
}
