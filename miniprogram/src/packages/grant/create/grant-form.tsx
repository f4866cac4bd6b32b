import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormError } from '../../../components/feedback';
import { FormField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { ROLE_LABELS, isValidIdNumber, type GrantRole } from '../../../domain';
import { passFaceCheck } from '../../../services/face-check';
import { createGrant, type GrantView } from '../../../services/grants';
import type { Me } from '../../../services/me';
import { mayOnSeals } from '../../../services/permissions';
import type { VisibleSeal } from '../../../services/seals';

const ROLE_ACTION = { seal_holder: 'grant.authorize_holder', seal_administrator: 'grant.authorize_administrator' } as const;

/** 在线授权: which seals, to whom, as what; the face check covers exactly these seals. */
export function GrantForm({
  me,
  companyId,
  seals,
  onDone,
}: {
  me: Me;
  companyId: string;
  seals: VisibleSeal[];
  onDone: (g: GrantView) => void;
}) {
  const [sealIds, setSealIds] = useState<string[]>([]);
  const [role, setRole] = useState<GrantRole>('seal_holder');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const { busy, error, setError, run } = useAction();
  // Only the roles the matrix lets me grant on this company are offered.
  const roles = (Object.keys(ROLE_ACTION) as GrantRole[]).filter((r) => mayOnSeals(me, ROLE_ACTION[r], companyId, []));
  const grantable = seals.filter((s) => s.state !== 'revoked');

  const submit = () => {
    if (sealIds.length === 0) return setError('请选择需要授权的印章');
    if (name.trim().length < 2) return setError('请填写被授权人姓名');
    if (!isValidIdNumber(idNumber.trim().toUpperCase())) return setError('身份证号码格式或校验位不正确');
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) return setError('手机号码格式不正确');
    void run(async () => {
      const faceTicket = await passFaceCheck(ROLE_ACTION[role], { companyId, sealIds });
      const grantee = { name: name.trim(), idNumber: idNumber.trim().toUpperCase(), phone: phone.trim() };
      const grant = await createGrant(companyId, { role, sealIds, grantee, faceTicket });
      setIdNumber('');
      onDone(grant);
    });
  };

  return (
    <View className="card">
      <ChoiceChips
        label="授权印章"
        choices={grantable.map((s) => ({ value: s.sealId, label: s.name }))}
        selected={sealIds}
        onChange={setSealIds}
      />
      <ChoiceChips
        label="授权类型"
        single
        choices={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        selected={[role]}
        onChange={([picked]) => picked && setRole(picked)}
      />
      <Text className="section-title">被授权人信息</Text>
      <FormField label="姓名" value={name} onChange={setName} />
      <FormField label="身份证号码" value={idNumber} onChange={setIdNumber} type="idcard" maxlength={18} />
      <FormField label="手机号码" value={phone} onChange={setPhone} type="number" maxlength={11} />
      <FormError message={error} />
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        人脸核验并授权
      </Button>
    </View>
  );
}
