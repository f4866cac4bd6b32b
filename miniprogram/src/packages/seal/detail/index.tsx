import { Text, View } from '@tarojs/components';
import { SEAL_ALGORITHM_LABELS, type SealAlgorithm } from '../../../domain';
import { formatBeijingDate } from '@seal/shared/time';
import { useDidShow, useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ErrorBlock, Loading } from '../../../components/feedback';
import { SealSummary } from '../../../components/seal-summary';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { openPage } from '../../../platform';
import type { Me } from '../../../services/me';
import { fetchCompanySeals } from '../../../services/seals';
import { sealActions } from './seal-actions';
import '../../../components/forms.css';

function SealDetail({ me, companyId, sealId }: { me: Me; companyId: string; sealId: string }) {
  const { remote, reload } = useRemote(() => fetchCompanySeals(companyId), [companyId]);
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const seal = remote.data.seals.find((s) => s.sealId === sealId);
  if (!seal) return <ErrorBlock message="未找到该印章，或您已无权查看" />;
  const actions = sealActions(me, companyId, seal);
  return (
    <View>
      <View className="card">
        <Text className="card-title">{remote.data.company.name}</Text>
        <SealSummary seal={seal} />
      </View>
      <View className="card" id="seal-data">
        <Text className="card-title">印章数据</Text>
        <View className="kv">
          <Text className="kv-key">签名算法</Text>
          <Text>{SEAL_ALGORITHM_LABELS[seal.algorithm as SealAlgorithm] ?? seal.algorithm}</Text>
        </View>
        {seal.sealData ? (
          <View>
            <View className="kv">
              <Text className="kv-key">印章标识</Text>
              <Text>{seal.sealData.esId}</Text>
            </View>
            <View className="kv">
              <Text className="kv-key">制章者</Text>
              <Text>{seal.sealData.maker}</Text>
            </View>
            <View className="kv">
              <Text className="kv-key">有效期</Text>
              <Text>{`${formatBeijingDate(seal.sealData.validStart)} 至 ${formatBeijingDate(seal.sealData.validEnd)}`}</Text>
            </View>
          </View>
        ) : (
          <Text className="text-muted">印章领取后生成（GB/T 38540 电子印章数据，由平台制章者签名）</Text>
        )}
      </View>
      <View className="actions">
        {actions.length === 0 && <Text className="text-muted">该印章当前没有您可办理的业务</Text>}
        {actions.map((action) => (
          <Button key={action.label} block onClick={() => void openPage(action.url)}>
            {action.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

export default function SealDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <WithSession>{(me) => <SealDetail me={me} companyId={params.companyId ?? ''} sealId={params.sealId ?? ''} />}</WithSession>
    </PageShell>
  );
}
