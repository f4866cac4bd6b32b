import { Text, View } from '@tarojs/components';
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
