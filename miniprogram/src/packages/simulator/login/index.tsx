import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { TEST_IDENTITIES } from '../../../platform';
import { useSimulatedAnswer } from '../use-simulated-answer';
import '../simulator.css';

// H5 only: stands in for wx.login by letting the tester pick a test identity.
export default function LoginSimulatorPage() {
  const { answer } = useSimulatedAnswer<string>();
  return (
    <PageShell>
      <Text className="simulator-badge">测试环境</Text>
      <Text className="page-title">选择测试身份登录</Text>
      <View className="simulator-actions">
        {TEST_IDENTITIES.map((identity) => (
          <Button key={identity.id} block onClick={() => answer(identity.id)}>
            {`${identity.name}（${identity.role}）`}
          </Button>
        ))}
      </View>
    </PageShell>
  );
}
