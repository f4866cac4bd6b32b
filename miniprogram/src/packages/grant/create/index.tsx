import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { CompanyPicker } from '../../../components/company-picker';
import { EmptyNote, ErrorBlock, Loading } from '../../../components/feedback';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { ROLE_LABELS } from '../../../domain';
import { goBack, openPage } from '../../../platform';
import type { GrantView } from '../../../services/grants';
import type { Me } from '../../../services/me';
import { companiesFor } from '../../../services/permissions';
import { fetchCompanySeals } from '../../../services/seals';
import { GrantForm } from './grant-form';
import { granteeCanText } from './grantee-abilities';
import '../../../components/forms.css';

function Authorize({ me }: { me: Me }) {
  const companies = [
    ...new Map(
      [...companiesFor(me, 'grant.authorize_administrator'), ...companiesFor(me, 'grant.authorize_holder')].map((c) => [c.companyId, c]),
    ).values(),
  ];
  const [companyId, setCompanyId] = useState(companies[0]?.companyId);
  const [granted, setGranted] = useState<GrantView | null>(null);
  const { remote, reload } = useRemote(companyId ? () => fetchCompanySeals(companyId) : null, [companyId]);
  if (!companyId) return <EmptyNote text="您暂无可授权的印章" />;
  if (granted)
    return (
      <View className="card feedback">
        <Text className="success-text">授权成功</Text>
        <Text className="text-muted">{`已授权 ${granted.granteeName} 为${ROLE_LABELS[granted.role]}。${granteeCanText(granted.role)}`}</Text>
        <Button type="primary" block onClick={() => void goBack()}>
          完成
        </Button>
      </View>
    );
  return (
    <View>
      {companies.length > 1 && <CompanyPicker companies={companies} companyId={companyId} onChange={setCompanyId} />}
      {remote.status === 'loading' && <Loading />}
      {remote.status === 'error' && <ErrorBlock message={remote.message} onRetry={() => void reload()} />}
      {remote.status === 'ready' && <GrantForm me={me} companyId={companyId} seals={remote.data.seals} onDone={setGranted} />}
      <Button block onClick={() => void openPage(`/packages/apply/window/index?kind=authorize&companyId=${companyId}`)}>
        窗口授权
      </Button>
    </View>
  );
}

// 印章授权 online (face check); the window variant opens the window form.
export default function GrantCreatePage() {
  return (
    <PageShell>
      <Text className="page-title">印章授权</Text>
      <WithSession>{(me) => <Authorize me={me} />}</WithSession>
    </PageShell>
  );
}
