import { Text, View } from '@tarojs/components';
import { ErrorBlock } from '../../components/feedback';
import { SealSummary, SealSummaryPlaceholder } from '../../components/seal-summary';
import { useRemote } from '../../components/use-remote';
import { openPage } from '../../platform';
import type { Me } from '../../services/me';
import { fetchCompanySeals } from '../../services/seals';

/** The seals I claimed, with their current state (names from each company's seal list). */
export function MySeals({ me }: { me: Me }) {
  const companyIds = [...new Set(me.credentials.map((c) => c.companyId))];
  const { remote, reload } = useRemote(
    () => Promise.all(companyIds.map((id) => fetchCompanySeals(id).catch(() => null))),
    [companyIds.join(',')],
  );
  return (
    <View className="card">
      <Text className="card-title">我的印章</Text>
      {me.credentials.length === 0 && <Text className="text-muted">暂未领取印章</Text>}
      {remote.status === 'loading' && me.credentials.map((c) => <SealSummaryPlaceholder key={c.sealId} />)}
      {remote.status === 'error' && <ErrorBlock message={remote.message} onRetry={() => void reload()} />}
      {remote.status === 'ready' &&
        remote.data.flatMap((list) =>
          (list?.seals ?? [])
            .filter((s) => me.credentials.some((c) => c.sealId === s.sealId))
            .map((s) => (
              <View
                key={s.sealId}
                role="button"
                onClick={() => void openPage(`/packages/seal/detail/index?companyId=${list!.company.companyId}&sealId=${s.sealId}`)}
              >
                <Text className="list-sub">{list!.company.name}</Text>
                <SealSummary seal={s} />
              </View>
            )),
        )}
    </View>
  );
}
