import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { formatBeijingDateTime } from '@seal/shared/time';
import { Button, Tag } from '../../../components/nutui';
import { confirmDestructive } from '../../../components/confirmation';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { useRemote } from '../../../components/use-remote';
import { WindowGuide } from '../../../components/window-guide';
import { isWindowBusiness, materialsFactsOfForm } from '@seal/shared/content';
import { openPage, replacePage, showToast } from '../../../platform';
import { downloadApplicationForm, fetchApplication, withdrawApplication } from '../../../services/applications';
import '../../../components/forms.css';

// A window application: its 申请编号, state, the staff's decision; the form to download and bring.
export default function ApplicationResultPage() {
  const { params } = useRouter();
  const applicationId = params.applicationId ?? '';
  const { remote, reload } = useRemote(() => fetchApplication(applicationId), [applicationId]);
  const { busy, error, run } = useAction();
  if (remote.status !== 'ready')
    return (
      <PageShell>
        {remote.status === 'loading' ? <Loading /> : <ErrorBlock message={remote.message} onRetry={() => void reload()} />}
      </PageShell>
    );
  const app = remote.data;
  const download = () =>
    run(async () => {
      await downloadApplicationForm(app);
      showToast('申请表已下载');
    });
  const withdraw = async () => {
    const confirmed = await confirmDestructive({
      title: '确定撤回该申请吗？',
      consequence: `撤回后申请编号 ${app.reference} 作废，窗口将不再受理；如需办理，须重新提交申请。`,
      confirmLabel: '确定撤回',
    });
    if (!confirmed) return;
    await run(async () => {
      await withdrawApplication(app);
      showToast('申请已撤回');
      await reload();
    });
  };
  return (
    <PageShell>
      <Text className="page-title">{app.kindLabel}</Text>
      <View className="card">
        <View className="row">
          <Text className="card-title">{app.companyName}</Text>
          <Tag type={app.state === 'approved' ? 'success' : app.state === 'rejected' ? 'danger' : 'warning'}>{app.stateLabel}</Tag>
        </View>
        <View className="kv">
          <Text className="kv-key">申请编号</Text>
          <Text>{app.reference}</Text>
        </View>
        <View className="kv">
          <Text className="kv-key">提交时间</Text>
          <Text>{formatBeijingDateTime(app.createdAt)}</Text>
        </View>
        {app.decidedAt && (
          <View className="kv">
            <Text className="kv-key">{app.state === 'withdrawn' ? '撤回时间' : '办理时间'}</Text>
            <Text>{formatBeijingDateTime(app.decidedAt)}</Text>
          </View>
        )}
        {app.decisionReason && (
          <View className="kv">
            <Text className="kv-key">驳回原因</Text>
            <Text>{app.decisionReason}</Text>
          </View>
        )}
        {app.resubmissionOf && (
          <View className="kv">
            <Text className="kv-key">原申请编号</Text>
            <Text>{`${app.resubmissionOf}（已驳回，本申请为修改后重新提交）`}</Text>
          </View>
        )}
        {app.state === 'submitted' && (
          <Text className="page-note">请下载申请表，由法定代表人签字并加盖公章后，携带下列材料到办事窗口办理。</Text>
        )}
        {app.state === 'rejected' && app.correction && (
          <Text className="page-note">您可以按驳回原因修改申请后重新提交，无需重新填写。</Text>
        )}
        {app.resubmittedAs && <Text className="page-note">{`该申请已修改后重新提交，新申请编号 ${app.resubmittedAs}。`}</Text>}
        <FormError message={error} />
        <View className="actions">
          {app.state === 'rejected' && app.correction && (
            <Button type="primary" block onClick={() => void openPage(`/packages/apply/window/index?resubmit=${app.applicationId}`)}>
              修改后重新提交
            </Button>
          )}
          {app.resubmittedAs && (
            <Button
              type="primary"
              block
              onClick={() => void replacePage(`/packages/apply/result/index?applicationId=${app.resubmittedAs}`)}
            >
              查看新申请
            </Button>
          )}
          <Button
            type={app.state === 'rejected' ? 'default' : 'primary'}
            block
            loading={busy}
            disabled={busy}
            onClick={() => void download()}
          >
            下载申请表
          </Button>
          <Button block onClick={() => void reload()}>
            刷新办理进度
          </Button>
          {app.state === 'submitted' && (
            <Button block disabled={busy} onClick={() => void withdraw()}>
              撤回申请
            </Button>
          )}
        </View>
      </View>
      {app.state === 'submitted' && isWindowBusiness(app.kind) && <WindowGuide kind={app.kind} facts={materialsFactsOfForm(app.form)} />}
    </PageShell>
  );
}
