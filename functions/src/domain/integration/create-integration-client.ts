import { createHash } from 'node:crypto';
import type { SealService } from '../../adapters/dynamodb/service';
import { commitWithAudit } from '../../adapters/dynamodb/commit';
import { NO_SECRET } from './credentials';

/**
 * 系统接入 approved: the company's integration becomes `approved` and it gets a client id. No
 * secret exists yet: window staff never see one; the legal representative or administrator takes
 * it (face check) with `issueClientSecret`, shown once. The client id is derived from the
 * application, so approving twice cannot make two clients; company and client change together.
 */
export async function createIntegrationClient(
  db: SealService,
  input: { companyId: string; applicationId: string; staffId: string; now: Date },
): Promise<{ clientId: string }> {
  const clientId = `ic_${createHash('sha256').update(input.applicationId).digest('hex').slice(0, 24)}`;
  const { data: company } = await db.entities.company.get({ companyId: input.companyId }).go();
  const version = company?.version ?? 1;
  await commitWithAudit(
    db,
    {
      companyId: input.companyId,
      actorId: input.staffId,
      actorRole: 'window_staff',
      action: 'integration.approve',
      subject: `integration:${clientId}`,
      before: { integration: company?.integration ?? 'none' },
      after: { integration: 'approved', clientId },
    },
    (entities) => [
      entities.integrationClient.create({ clientId, companyId: input.companyId, secretHash: NO_SECRET, state: 'active', createdAt: input.now.toISOString() }).commit(),
      entities.company
        .patch({ companyId: input.companyId })
        .set({ integration: 'approved', version: version + 1 })
        .where((a, op) => op.eq(a.version, version))
        .commit(),
    ],
    () => input.now,
  );
  return { clientId };
}
