import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ChoiceChips } from '../../../components/choice-chips';
import { confirmDestructive } from '../../../components/confirmation';
import { FormError } from '../../../components/feedback';
import { FormField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { REVOCATION_CATEGORIES, REVOCATION_CATEGORY_LABELS, type RevocationCategory } from '../../../domain';
import { goBack, showToast } from '../../../platform';
import { passFaceCheck } from '../../../services/face-check';
import { refreshSession } from '../../../services/session-store';
import { firstRefusal, freezeSeals, revokeSeals, unfreezeSeals, type SealBatch } from '../../../services/seals';
import { RenewForm } from './renew-form';
import '../../../components/forms.css';

type LifecycleEvent = 'freeze' | 'unfreeze' | 'revoke';
const TITLES: Record<LifecycleEvent, string> = { freeze: '在线冻结', unfreeze: '在线解冻', revoke: '在线注销' };
const NOTES: Record<LifecycleEvent, string> = {
  freeze: '冻结后该印章暂停使用，不能签章，可随时解冻。',
  unfreeze: '解冻后该印章恢复正常使用。',
  revoke: '注销后该印章永久失效，证书将被吊销，且不可恢复。',
};

// Unfreezing gives back; freezing and revoking take away, so they are confirmed first.
const CONFIRMATIONS: Partial<Record<LifecycleEvent, { title: string; consequence: string; confirmLabel: string }>> = {
  freeze: {
    title: '确定冻结该印章吗？',
    consequence: '冻结后，所有持有人都不能使用该印章签章，直至解冻。',
    confirmLabel: '确定冻结',
  },
  revoke: {
    title: '确定注销该印章吗？',
    consequence: '注销后该印章永久失效，所有证书立即吊销，不能再签章，且不可恢复；如需使用须重新申请。',
    confirmLabel: '确定注销',
  },
};

// 冻结 / 解冻 / 注销 one seal online: a reason, a face check, then the change; 续期 of the seals due.
export default function LifecyclePage() {
  const { params } = useRouter();
  if (params.event === 'renew')
    return (
      <PageShell>
        <Text className="page-title">印章续期</Text>
        <RenewForm companyId={params.companyId ?? ''} sealIds={(params.sealIds ?? params.sealId ?? '').split(',').filter(Boolean)} />
      </PageShell>
    );
  return <ChangeForm event={(params.event ?? 'freeze') as LifecycleEvent} companyId={params.companyId ?? ''} sealId={params.sealId ?? ''} />;
}

function ChangeForm({ event, companyId, sealId }: { event: LifecycleEvent; companyId: string; sealId: string }) {
  const sealIds = [sealId];
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RevocationCategory | undefined>();
  const { busy, error, setError, run } = useAction();

  const submit = async () => {
    if (event === 'revoke' ? !category || (category === 'other' && reason.trim().length < 2) : reason.trim().length < 2)
      return setError(event === 'revoke' && !category ? '请选择注销原因' : '请填写原因（至少2个字）');
    const question = CONFIRMATIONS[event];
    if (question && !(await confirmDestructive(question))) return;
    void run(async () => {
      const action = event === 'freeze' ? 'seal.freeze' : event === 'unfreeze' ? 'seal.unfreeze' : 'seal.revoke';
      const faceTicket = await passFaceCheck(action, { companyId, sealIds });
      let batch: SealBatch;
      if (event === 'revoke')
        batch = await revokeSeals(companyId, {
          faceTicket,
          sealIds,
          reason: { category: category!, ...(reason.trim() ? { text: reason.trim() } : {}) },
        });
      else batch = await (event === 'freeze' ? freezeSeals : unfreezeSeals)(companyId, { faceTicket, sealIds, reason: reason.trim() });
      const refusal = firstRefusal(batch);
      if (refusal) throw new Error(refusal);
      showToast(`${TITLES[event].slice(2)}成功`);
      await refreshSession();
      await goBack();
    });
  };

  return (
    <PageShell>
      <Text className="page-title">{TITLES[event]}</Text>
      <View className="card">
        <Text className="page-note">{NOTES[event]}</Text>
        {event === 'revoke' && (
          <ChoiceChips
            label="注销原因"
            single
            choices={REVOCATION_CATEGORIES.map((value) => ({ value, label: REVOCATION_CATEGORY_LABELS[value] }))}
            selected={category ? [category] : []}
            onChange={([picked]) => setCategory(picked)}
          />
        )}
        {(event !== 'revoke' || category === 'other') && (
          <FormField
            label={event === 'revoke' ? '具体原因' : `${TITLES[event].slice(2)}原因`}
            value={reason}
            onChange={setReason}
            maxlength={200}
          />
        )}
        <FormError message={error} />
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          人脸核验并提交
        </Button>
      </View>
    </PageShell>
  );
}
