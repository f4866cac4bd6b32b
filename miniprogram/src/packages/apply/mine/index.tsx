import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Tag } from '../../../components/nutui';
import { ErrorBlock, Loading } from '../../../components/feedback';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { openPage } from '../../../platform';
import { fetchMyApplications } from '../../../services/applications';
import '../../../components/forms.css';

function Applications() {
  const { remote, reload } = useRemote(fetchMyApplications, []);
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  return (
    <View className="card">
      {remote.data.length === 0 && <Text className="text-muted">暂无申请</Text>}
      {remote.data.map((app) => (
        <View
          key={app.applicationId}
          className="list-item"
          role="button"
          onClick={() => void openPage(`/packages/apply/result/index?applicationId=${app.applicationId}`)}
        >
          <View className="row">
            <Text className="list-title">{app.kindLabel}</Text>
            <Tag type={app.state === 'approved' ? 'success' : app.state === 'rejected' ? 'danger' : 'warning'}>{app.stateLabel}</Tag>
          </View>
          <Text className="list-sub">{`${app.companyName} · ${app.reference}`}</Text>
        </View>
      ))}
    </View>
  );
}

// 我的申请: window applications and their progress.
export default function MyApplicationsPage() {
  return (
    <PageShell>
      <Text className="page-title">我的申请</Text>
      <WithSession>{() => <Applications />}</WithSession>
    </PageShell>
  );
}
