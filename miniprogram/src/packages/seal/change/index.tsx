import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { ONLINE_APPLICABLE_KINDS, SEAL_KIND_LABELS, type SealKind } from '../../../domain';
import { goBack, openPage } from '../../../platform';
import { passFaceCheck } from '../../../services/face-check';
import { changeOnline } from '../../../services/seals';
import '../../../components/forms.css';

// 印章变更 online: after the business licence changed, the legal representative applies again for
// the seals (the old ones were revoked by the registry notification). Window variant linked below.
export default function ChangePage() {
  const { params } = useRouter();
  const companyId = params.companyId ?? '';
  const [kinds, setKinds] = useState<SealKind[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const submit = () => {
    if (kinds.length === 0) return setError('请至少选择一枚印章');
    void run(async () => {
      const faceTicket = await passFaceCheck('seal.change_online', { companyId });
      setDone((await changeOnline(companyId, { faceTicket, kinds })).message);
    });
  };
  return (
    <PageShell>
      <Text className="page-title">印章变更</Text>
      {done ? (
        <View className="card feedback">
          <Text className="success-text">{done}</Text>
          <Button type="primary" block onClick={() => void goBack()}>
            完成
          </Button>
        </View>
      ) : (
        <View className="card">
          <Text className="page-note">营业执照信息变更后，请重新申请需要的印章，新印章领取后即可使用。</Text>
          <ChoiceChips
            label="重新申请的印章"
            choices={ONLINE_APPLICABLE_KINDS.map((value) => ({ value, label: SEAL_KIND_LABELS[value] }))}
            selected={kinds}
            onChange={setKinds}
          />
          <FormError message={error} />
          <View className="actions">
            <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
              人脸核验并提交
            </Button>
            <Button block onClick={() => void openPage(`/packages/apply/window/index?kind=change&companyId=${companyId}`)}>
              窗口变更
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}
