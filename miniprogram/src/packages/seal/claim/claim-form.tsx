import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { FormError } from '../../../components/feedback';
import { PinField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { PIN_LOCKOUT_NOTE, isSixDigitPin, isWeakPin } from '../../../domain';
import { passFaceCheck } from '../../../services/face-check';
import { claimSeal } from '../../../services/seals';
import { refreshSession } from '../../../services/session-store';
import type { ClaimableSeal } from './claimable';

/** The new PIN's own checks before anything is sent (the API checks again). */
export function newPinProblem(pin: string, confirm: string): string | null {
  if (!isSixDigitPin(pin)) return '签章密码须为6位数字';
  if (isWeakPin(pin)) return '签章密码过于简单，不能为相同数字或连续数字';
  if (pin !== confirm) return '两次输入的签章密码不一致';
  return null;
}

/** Set the signing PIN, pass the face check, receive the certificate. */
export function ClaimForm({ seal, onClaimed }: { seal: ClaimableSeal; onClaimed: (message: string, serial: string) => void }) {
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = () => {
    const problem = newPinProblem(pin, confirm);
    if (problem) return setError(problem);
    void run(async () => {
      const faceTicket = await passFaceCheck('seal.claim', { companyId: seal.companyId, sealIds: [seal.sealId] });
      const claimed = await claimSeal(seal.sealId, { faceTicket, pin, pinConfirm: confirm });
      setPin('');
      setConfirm('');
      await refreshSession();
      onClaimed(claimed.message, claimed.credential.certificate.serialNumber);
    });
  };
  return (
    <View className="card">
      <Text className="card-title">{`${seal.companyName} · ${seal.name}`}</Text>
      <Text className="page-note">{`请设置6位数字签章密码，签章时使用；密码不能为相同数字或连续数字，${PIN_LOCKOUT_NOTE}。`}</Text>
      <PinField label="签章密码" value={pin} onChange={setPin} />
      <PinField label="确认签章密码" value={confirm} onChange={setConfirm} />
      <FormError message={error} />
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        人脸核验并领取
      </Button>
    </View>
  );
}
