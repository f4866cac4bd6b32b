import { createHash } from 'node:crypto';
import type { SealStore } from '../../ports/seal-store';
import { NO_SECRET } from './credentials';

/**
 * 系统接入 approved: the company's integration becomes `approved` and it gets a client id. No
 * secret exists yet: window staff never see one; the legal representative or administrator takes
 * it (face check) with `issueClientSecret`, shown once. The client id is derived from the
 * application, so approving twice cannot make two clients; company and client change together.
 */
export async function createIntegrationClient(
  store: SealStore,
  input: { companyId: string; applicationId: string; staffId: string; now: Date },
): Promise<{ clientId: string }> {
  const clientId = `ic_${createHash('sha256').update(input.applicationId).digest('hex').slice(0, 24)}`;
  const company = await store.companies.get(input.companyId);
  const version = company?.version ?? 1;
  await store.commitWithAudit(
    {
      companyId: input.companyId,
      actorId: input.staffId,
      actorRole: 'window_staff',
      action: 'integration.approve',
      subject: `integration:${clientId}`,
      before: { integration: company?.integration ?? 'none' },
      after: { integration: 'approved', clientId },
    },
    [
      store.integrationClients.create({ clientId, companyId: input.companyId, secretHash: NO_SECRET, state: 'active', createdAt: input.now.toISOString() }),
      store.companies.update({ companyId: input.companyId, version }, { integration: 'approved' }),
    ],
    input.now,
  );
  return { clientId };
}
