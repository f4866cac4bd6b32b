import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { WithSession } from '../../../components/with-session';
import { openPage } from '../../../platform';
import type { Me } from '../../../services/me';
import { mayOnSomeCompany } from '../../../services/permissions';
import '../../../components/forms.css';

function Choices({ me }: { me: Me }) {
  const online = mayOnSomeCompany(me, 'seal.apply_online');
  return (
    <View className="card">
      <Text className="page-note">
        {online
          ? '法定代表人可在线申请（需人脸核验）；也可提交窗口申请，下载申请表后到窗口办理。'
          : '在线申请需商事主体负责人本人办理；您可提交窗口申请，下载申请表后到窗口办理。'}
      </Text>
      <View className="actions">
        {online && (
          <Button type="primary" block onClick={() => void openPage('/packages/apply/online/index')}>
            在线申请
          </Button>
        )}
        <Button block onClick={() => void openPage('/packages/apply/window/index?kind=apply')}>
          窗口申请
        </Button>
        <Button block onClick={() => void openPage('/packages/apply/mine/index')}>
          我的申请
        </Button>
      </View>
    </View>
  );
}

// 印章申请: online (legal representative) or at the window (anyone, with the printed form).
export default function ApplyPage() {
  return (
    <PageShell>
      <Text className="page-title">印章申请</Text>
      <WithSession>{(me) => <Choices me={me} />}</WithSession>
    </PageShell>
  );
}
