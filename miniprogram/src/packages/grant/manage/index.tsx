import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { confirmDestructive } from '../../../components/confirmation';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { GRANT_STATE_LABELS, ROLE_LABELS } from '../../../domain';
import { showToast } from '../../../platform';
import { cancelGrant, endedGrantText, fetchGrants, type GrantView } from '../../../services/grants';
import { refreshSession } from '../../../services/session-store';
import '../../../components/forms.css';

function GrantRow({ grant, onCancel, busy }: { grant: GrantView; onCancel?: () => void; busy?: boolean }) {
  return (
    <View className="list-item">
      <View className="row">
        <Text className="list-title">{`${grant.granteeName} · ${ROLE_LABELS[grant.role]}`}</Text>
        <Text className="list-sub">{GRANT_STATE_LABELS[grant.state]}</Text>
      </View>
      <Text className="list-sub">{`${grant.companyName ?? grant.companyId} · ${grant.sealIds.length}枚印章`}</Text>
      {onCancel && grant.state === 'active' && (
        <Button size="small" disabled={busy} onClick={onCancel}>
          取消授权
        </Button>
      )}
    </View>
  );
}

function Grants() {
  const { remote, reload } = useRemote(fetchGrants, []);
  const { busy, error, run } = useAction();
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const { managed, held } = remote.data;
  const cancel = async (grant: GrantView) => {
    const confirmed = await confirmDestructive({
      title: `确定取消${grant.granteeName}的授权吗？`,
      consequence: `取消后立即生效：${grant.granteeName}将不能再以${ROLE_LABELS[grant.role]}身份使用${grant.companyName ?? '该企业'}的${grant.sealIds.length}枚印章签章或办理业务。如需恢复，须重新授权。`,
      confirmLabel: '确定取消授权',
    });
    if (!confirmed) return;
    await run(async () => {
      await cancelGrant(grant.companyId, grant.grantId);
      showToast('已取消授权');
      await Promise.all([reload(), refreshSession()]);
    });
  };
  const active = managed.filter((g) => g.state === 'active');
  return (
    <View>
      <FormError message={error} />
      <View className="card">
        <Text className="card-title">我管理的印章</Text>
        {active.length === 0 && <Text className="text-muted">暂无授权</Text>}
        {active.map((g) => (
          <GrantRow key={g.grantId} grant={g} busy={busy} onCancel={() => void cancel(g)} />
        ))}
      </View>
      <View className="card">
        <Text className="card-title">授权给我的印章</Text>
        {held.length === 0 && <Text className="text-muted">暂无授权</Text>}
        {held.map((g) => (
          <GrantRow key={g.grantId} grant={g} />
        ))}
      </View>
      {(remote.data.ended ?? []).length > 0 && (
        <View className="card">
          <Text className="card-title">已终止的授权</Text>
          {(remote.data.ended ?? []).map((g) => (
            <Text key={g.grantId} className="list-sub ended-grant">
              {endedGrantText(g)}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

// 授权管理: the grants I manage (cancel online, no face check) and those made to me.
export default function GrantManagePage() {
  return (
    <PageShell>
      <Text className="page-title">授权管理</Text>
      <WithSession>{() => <Grants />}</WithSession>
    </PageShell>
  );
}
