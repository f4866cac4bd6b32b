import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { useSimulatedAnswer } from '../use-simulated-answer';
import '../simulator.css';

// H5 only: stands in for wx.requestFacialVerify; the tester chooses the outcome.
export default function FaceCheckSimulatorPage() {
  const { params, answer } = useSimulatedAnswer<'pass' | 'fail'>();
  const personName = params.personName ? decodeURIComponent(params.personName) : undefined;
  return (
    <PageShell>
      <Text className="simulator-badge">测试环境</Text>
      <Text className="page-title">人脸核验</Text>
      <Text className="page-note">
        {personName ? `模拟核验“${personName}”本人，请选择核验结果。` : '此页面模拟微信人脸核身，请选择核验结果。'}
      </Text>
      <View className="simulator-actions">
        <Button type="primary" block onClick={() => answer('pass')}>
          核验通过
        </Button>
        <Button block onClick={() => answer('fail')}>
          核验不通过
        </Button>
      </View>
    </PageShell>
  );
}
