import { useState } from 'react';
import { authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { actorOf } from '../seals/seal-actions';
import { companiesOf, useMe } from '../shell/me-context';
import { CustomSealSection } from './custom-seal-section';
import { IntegrationSection } from './integration-section';

/** 应用中心: per company the person may act for (legal representative or administrator). */
export function AppCentrePage() {
  const { me } = useMe();
  const mine = useApi(() => call(routes.listMyApplications), []);
  const companies = companiesOf(me).filter((c) => me && authorize(actorOf(me), 'integration.apply', { companyId: c.companyId }).allowed);
  const [companyId, setCompanyId] = useState<string>();
  const company = companies.find((c) => c.companyId === companyId) ?? companies[0];
  const clients = useApi(
    () =>
      company
        ? call(routes.listIntegrationClients, { params: { companyId: company.companyId } })
        : Promise.resolve({ items: [] }),
    [company?.companyId, mine.data],
  );
  if (!company) return <p className="muted">应用中心业务需由法定代表人或印章管理员办理。</p>;
  const applications = mine.data?.items ?? [];
  const integrated =
    (clients.data?.items ?? []).some((c) => c.state === 'active') ||
    applications.some((a) => a.kind === 'system_integration' && a.companyId === company.companyId && a.state === 'approved');
  return (
    <div>
      <h2>应用中心</h2>
      <label>
        企业
        <select value={company.companyId} onChange={(e) => setCompanyId(e.target.value)}>
          {companies.map((c) => (
            <option key={c.companyId} value={c.companyId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <IntegrationSection company={company} applications={applications} onChanged={mine.reload} />
      <CustomSealSection company={company} integrated={integrated} applications={applications} onChanged={mine.reload} />
    </div>
  );
}
