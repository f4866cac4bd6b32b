import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { confirmDestructive } from '../../../components/confirmation';
import { FormError } from '../../../components/feedback';
import { PinField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { isSixDigitPin } from '../../../domain';
import { goBack } from '../../../platform';
import { passFaceCheck } from '../../../services/face-check';
import { changePin, resetPin } from '../../../services/seals';
import { newPinProblem } from '../claim/claim-form';
import '../../../components/forms.css';

// 修改签章密码 (current PIN + new PIN) and 忘记签章密码 (new PIN, new certificate); both after a face check.
export default function PinPage() {
  const { params } = useRouter();
  const reset = params.mode === 'reset';
  const companyId = params.companyId ?? '';
  const sealId = params.sealId ?? '';
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const submit = async () => {
    if (!reset && !isSixDigitPin(currentPin)) return setError('请输入6位数字的原签章密码');
    const problem = newPinProblem(newPin, confirm);
    if (problem) return setError(problem);
    if (
      reset &&
      !(await confirmDestructive({
        title: '确定重置签章密码吗？',
        consequence: '重置后原签章密码和原证书立即作废，并为您重新签发证书。',
        confirmLabel: '确定重置',
      }))
    )
      return;
    void run(async () => {
      const target = { companyId, sealIds: [sealId] };
      const faceTicket = await passFaceCheck(reset ? 'credential.reset_pin' : 'credential.change_pin', target);
      const answer = reset
        ? await resetPin(sealId, { faceTicket, newPin, newPinConfirm: confirm })
        : await changePin(sealId, { faceTicket, currentPin, newPin, newPinConfirm: confirm });
      setCurrentPin('');
      setNewPin('');
      setConfirm('');
      setDone(answer.message);
    });
  };

  return (
    <PageShell>
      <Text className="page-title">{reset ? '忘记签章密码' : '修改签章密码'}</Text>
      {done ? (
        <View className="card feedback">
          <Text className="success-text">{done}</Text>
          <Button type="primary" block onClick={() => void goBack()}>
            完成
          </Button>
        </View>
      ) : (
        <View className="card">
          <Text className="page-note">
            {reset ? '通过人脸核验后设置新的签章密码，原证书将作废并重新签发。' : '请输入原签章密码和新签章密码，提交前需人脸核验。'}
          </Text>
          {!reset && <PinField label="原签章密码" value={currentPin} onChange={setCurrentPin} />}
          <PinField label="新签章密码" value={newPin} onChange={setNewPin} />
          <PinField label="确认新签章密码" value={confirm} onChange={setConfirm} />
          <FormError message={error} />
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
            人脸核验并提交
          </Button>
        </View>
      )}
    </PageShell>
  );
}
