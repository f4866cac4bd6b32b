import { useState } from 'react';
import { Text, Textarea } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { useSimulatedAnswer } from '../use-simulated-answer';
import '../simulator.css';

// H5 only: stands in for the camera scanner; the tester pastes the QR code's content.
export default function ScanSimulatorPage() {
  const { answer } = useSimulatedAnswer<string>();
  const [payload, setPayload] = useState('');
  return (
    <PageShell>
      <Text className="simulator-badge">测试环境</Text>
      <Text className="page-title">扫一扫</Text>
      <Text className="page-note">请粘贴二维码内容。</Text>
      <Textarea
        className="simulator-input"
        value={payload}
        placeholder="二维码内容"
        maxlength={4096}
        onInput={(event) => setPayload(event.detail.value)}
      />
      <Button type="primary" block disabled={payload.trim() === ''} onClick={() => answer(payload.trim())}>
        确定
      </Button>
    </PageShell>
  );
}
