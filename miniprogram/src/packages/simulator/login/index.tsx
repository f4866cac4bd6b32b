import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { useSimulatedAnswer } from '../use-simulated-answer';
import { useTestIdentities } from './use-test-identities';
import '../simulator.css';

// H5 only: stands in for wx.login by letting the tester pick one of the local stack's test people.
export default function LoginSimulatorPage() {
  const { answer } = useSimulatedAnswer<string>();
  const view = useTestIdentities();
  return (
    <PageShell>
      <Text className="simulator-badge">测试环境</Text>
      <Text className="page-title">选择测试身份登录</Text>
      {view.state === 'loading' && <Text className="text-muted">正在获取测试身份…</Text>}
      {view.state === 'failed' && <Text className="simulator-error">{view.message}</Text>}
      {view.state === 'loaded' && (
        <View className="simulator-actions">
          {view.people.map((person) => (
            <Button key={person.key} block onClick={() => answer(person.key)}>
              {person.note ? `${person.name}（${person.note}）` : person.name}
            </Button>
          ))}
        </View>
      )}
    </PageShell>
  );
}
