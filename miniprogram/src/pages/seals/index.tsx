import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../components/nutui';
import { CompanyPicker } from '../../components/company-picker';
import { EmptyNote, ErrorBlock, Loading } from '../../components/feedback';
import { EndedGrants } from '../../components/ended-grants';
import { SealSummary } from '../../components/seal-summary';
import { useRemote } from '../../components/use-remote';
import { WithSession } from '../../components/with-session';
import { openPage } from '../../platform';
import { hasClaimed, type Me } from '../../services/me';
import { companiesFor, mayOnSomeCompany } from '../../services/permissions';
import { fetchCompanySeals } from '../../services/seals';
import '../../components/forms.css';

function CompanySeals({ me }: { me: Me }) {
  const companies = companiesFor(me, 'seal.view');
  const [companyId, setCompanyId] = useState(companies[0]?.companyId);
  const { remote, reload } = useRemote(companyId ? () => fetchCompanySeals(companyId) : null, [companyId]);
  useDidShow(() => void reload());
  if (!companyId)
    return (
      <View>
        <EmptyNote text="您暂无可管理的企业印章" />
        <EndedGrants />
      </View>
    );
  const isLegalRep = me.companies.some((c) => c.companyId === companyId);
  const canChange = mayOnSomeCompany(me, 'seal.change_online') && isLegalRep;
  // A holder sees a seal as hers: 待领取 until she has claimed it (the company may use it already).
  // 续期 (user guide §9): the seals whose certificate is due or expired, for those who may renew them.
  const due = remote.status === 'ready' ? remote.data.seals.filter((s) => s.actions.some((a) => a.event === 'renew')) : [];
  const holdsOnly = (sealId: string) =>
    !isLegalRep && me.grants.some((g) => g.companyId === companyId && g.role === 'seal_holder' && g.sealIds.includes(sealId));
  return (
    <View>
      {companies.length > 1 && <CompanyPicker companies={companies} companyId={companyId} onChange={setCompanyId} />}
      {remote.status === 'loading' && <Loading />}
      {remote.status === 'error' && <ErrorBlock message={remote.message} onRetry={() => void reload()} />}
      {due.length > 0 && (
        <View className="card">
          <Text className="card-title">印章续期</Text>
          <Text className="page-note">{`${due.map((s) => s.name).join('、')}的证书即将到期或已过期，续期后可继续使用。`}</Text>
          <Button
            type="primary"
            block
            onClick={() => void openPage(`/packages/seal/lifecycle/index?event=renew&companyId=${companyId}&sealIds=${due.map((s) => s.sealId).join(',')}`)}
          >
            续期
          </Button>
        </View>
      )}
      {remote.status === 'ready' && (
        <View className="card">
          <Text className="card-title">{remote.data.company.name}</Text>
          {remote.data.seals.length === 0 && <Text className="text-muted">暂无印章</Text>}
          {remote.data.seals.map((seal) => (
            <View
              key={seal.sealId}
              role="button"
              onClick={() => void openPage(`/packages/seal/detail/index?companyId=${companyId}&sealId=${seal.sealId}`)}
            >
              <SealSummary seal={seal} unclaimedByMe={holdsOnly(seal.sealId) && seal.state !== 'revoked' && !hasClaimed(me, seal.sealId)} />
            </View>
          ))}
        </View>
      )}
      {canChange && (
        <Button block onClick={() => void openPage(`/packages/seal/change/index?companyId=${companyId}`)}>
          印章变更
        </Button>
      )}
    </View>
  );
}

// 印章管理: my companies' seals (as my role may see them); each seal opens its actions.
export default function SealsPage() {
  return (
    <PageShell>
      <Text className="page-title">印章管理</Text>
      <WithSession>{(me) => <CompanySeals me={me} />}</WithSession>
      <View className="actions">
        <Button block onClick={() => void openPage('/packages/seal/verify/index')}>
          文档验证
        </Button>
      </View>
    </PageShell>
  );
}
