import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ChoiceChips } from '../../../components/choice-chips';
import { CompanyPicker } from '../../../components/company-picker';
import { EmptyNote, FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { WithSession } from '../../../components/with-session';
import { ONLINE_APPLICABLE_KINDS, SEAL_KIND_LABELS, type SealKind } from '../../../domain';
import { ApiError, replacePage } from '../../../platform';
import { applyOnline } from '../../../services/applications';
import { passFaceCheck } from '../../../services/face-check';
import type { Me } from '../../../services/me';
import { companiesFor } from '../../../services/permissions';
import '../../../components/forms.css';

function OnlineApply({ me }: { me: Me }) {
  const companies = companiesFor(me, 'seal.apply_online');
  const [companyId, setCompanyId] = useState(companies[0]?.companyId);
  const [kinds, setKinds] = useState<SealKind[]>([]);
  const { busy, error, setError, run } = useAction();
  const [windowRequired, setWindowRequired] = useState(false);
  if (!companyId) return <EmptyNote text="在线申请需商事主体负责人本人办理" />;
  const submit = () => {
    if (kinds.length === 0) return setError('请至少选择一枚印章');
    setWindowRequired(false);
    void run(async () => {
      try {
        // The face check is refused first when the company must apply at the window: no face for nothing.
        const faceTicket = await passFaceCheck('seal.apply_online', { companyId });
        await applyOnline(companyId, { faceTicket, kinds });
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'WINDOW_REQUIRED') setWindowRequired(true);
        throw failure;
      }
      await replacePage(`/packages/seal/claim/index`);
    });
  };
  return (
    <View className="card">
      <CompanyPicker companies={companies} companyId={companyId} onChange={setCompanyId} />
      <ChoiceChips
        label="申请印章"
        choices={ONLINE_APPLICABLE_KINDS.map((value) => ({ value, label: SEAL_KIND_LABELS[value] }))}
        selected={kinds}
        onChange={setKinds}
      />
      <Text className="page-note">提交后印章即制作完成，可在“印章领取”中领取。</Text>
      <FormError message={error} />
      {windowRequired ? (
        <Button type="primary" block onClick={() => void replacePage(`/packages/apply/window/index?kind=apply&companyId=${companyId}`)}>
          前往窗口申请
        </Button>
      ) : (
        <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
          人脸核验并提交
        </Button>
      )}
    </View>
  );
}

// 在线申请 (legal representative, face check): the seals are made at once and wait to be claimed.
export default function OnlineApplyPage() {
  return (
    <PageShell>
      <Text className="page-title">在线申请</Text>
      <WithSession>{(me) => <OnlineApply me={me} />}</WithSession>
    </PageShell>
  );
}
