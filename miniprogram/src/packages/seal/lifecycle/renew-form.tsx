import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { SealSummary } from '../../../components/seal-summary';
import { useAction } from '../../../components/use-action';
import { useRemote } from '../../../components/use-remote';
import { showToast } from '../../../platform';
import { passFaceCheck } from '../../../services/face-check';
import { refreshSession } from '../../../services/session-store';
import { fetchCompanySeals, firstRefusal, renewSeals } from '../../../services/seals';
import '../../../components/forms.css';

/**
 * 续期 of the chosen seals (those due or expired): they are listed with their current validity,
 * one face check renews them all, then the same list shows the new 有效期至.
 */
export function RenewForm({ companyId, sealIds }: { companyId: string; sealIds: string[] }) {
  const { remote, reload } = useRemote(() => fetchCompanySeals(companyId), [companyId]);
  const { busy, error, run } = useAction();
  const [renewed, setRenewed] = useState(false);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const seals = remote.data.seals.filter((s) => sealIds.includes(s.sealId));
  if (seals.length === 0) return <ErrorBlock message="未找到待续期的印章，或您已无权办理" />;
  const submit = () =>
    run(async () => {
      const faceTicket = await passFaceCheck('seal.renew', { companyId, sealIds });
      const refusal = firstRefusal(await renewSeals(companyId, { faceTicket, sealIds }));
      if (refusal) throw new Error(refusal);
      showToast('续期成功');
      setRenewed(true);
      await refreshSession();
      await reload();
    });
  return (
    <View className="card">
      <Text className="card-title">{remote.data.company.name}</Text>
      <Text className="page-note">
        {renewed ? '续期成功，印章证书已更新。持有人无需重新领取，签章密码不变。' : '续期后印章证书更新，有效期重新计算；持有人无需重新领取，签章密码不变。'}
      </Text>
      {seals.map((seal) => (
        <SealSummary key={seal.sealId} seal={seal} />
      ))}
      <FormError message={error} />
      {!renewed && (
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          人脸核验并续期
        </Button>
      )}
    </View>
  );
}
