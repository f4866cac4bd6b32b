import { DomainError, SYSTEM_CAUSE_LABELS, grantMachine, step, type SystemCause } from '@seal/shared';
import { logEvent } from '../../config/logger';
import type { RevocationReason } from '../../engines/pki';
import { commitWithAudit } from '../../adapters/dynamodb/commit';
import type { SealService } from '../../adapters/dynamodb/service';
import type { LifecycleDeps } from './deps';
import { retireKeys } from '../credential/retire-keys';
import { revokeOneSeal } from './revoke-one-seal';

/** The registry changes after which every seal goes (user guide 十、印章变更). */
export const SEAL_ENDING_CAUSES: readonly SystemCause[] = [
  'legal_representative_changed',
  'legal_representative_id_changed',
  'company_name_changed',
  'company_type_changed',
  'company_closed',
];

const MAX_ROUNDS = 6;

/**
 * The registry reported a change (called by the registry notification handler after it stored
 * the new company data). When it is one that ends the seals, every seal of the company is
 * revoked with that reason (credentials and certificates with it) and every grant ends; the
 * company re-applies (在线变更), which a new legal representative can do at once since the
 * company record already names them. Idempotent: a repeated notification finds nothing left to
 * do. A seal that changed under us (someone froze it meanwhile) is read again and retried.
 * `deps` (optional) lets it retire kms-asymmetric keys and rebuild the CRL at once; without it
 * the next GET /v1/pki/crl rebuilds.
 */
export async function onLicenceChange(
  db: SealService,
  change: { companyId: string; changes: readonly SystemCause[]; now: Date },
  deps?: LifecycleDeps,
): Promise<{ revokedSealIds: string[]; endedGrantIds: string[] }> {
  const causes = change.changes.filter((c) => SEAL_ENDING_CAUSES.includes(c));
  if (causes.length === 0) return { revokedSealIds: [], endedGrantIds: [] };
  const reason = causes.map((c) => SYSTEM_CAUSE_LABELS[c]).join('、');
  const crlReason: RevocationReason = causes.includes('company_closed') ? 'cessationOfOperation' : 'affiliationChanged';
  const revokedSealIds: string[] = [];
  const endedGrantIds: string[] = [];
  const retired = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [{ data: seals }, { data: grants }] = await Promise.all([
      db.entities.seal.query.byCompany({ companyId: change.companyId }).go({ pages: 'all' }),
      db.entities.grant.query.byCompany({ companyId: change.companyId }).go({ pages: 'all' }),
    ]);
    const pendingSeals = seals.filter((s) => s.state !== 'revoked');
    const pendingGrants = grants.filter((g) => g.state === 'active');
    if (pendingSeals.length === 0 && pendingGrants.length === 0) break;
    for (const seal of pendingSeals) {
      try {
        retired.push(...(await revokeOneSeal(db, { seal, as: 'system', actorId: 'system:registry', reason, crlReason, now: change.now })));
        revokedSealIds.push(seal.sealId);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    for (const grant of pendingGrants) {
      if (await endGrant(db, grant, reason, change.now)) endedGrantIds.push(grant.grantId);
    }
  }
  if (deps) await retireKeys(deps, retired);
  logEvent('info', 'licence change applied', {
    companyId: change.companyId,
    causes,
    revoked: revokedSealIds.length,
    grantsEnded: endedGrantIds.length,
  });
  return { revokedSealIds, endedGrantIds };
}

type GrantItem = Awaited<ReturnType<ReturnType<SealService['entities']['grant']['query']['byCompany']>['go']>>['data'][number];

/** Grant machine `end` (system), conditional on the version read, with its audit event. */
async function endGrant(db: SealService, grant: GrantItem, reason: string, now: Date): Promise<boolean> {
  const next = step(grantMachine, grant.state, 'end', 'system');
  if (!next.ok) return false;
  try {
    await commitWithAudit(
      db,
      {
        companyId: grant.companyId,
        actorId: 'system:registry',
        actorRole: 'system',
        action: 'grant.end',
        subject: `grant:${grant.grantId}`,
        reason,
        before: { state: grant.state, version: grant.version },
        after: { state: next.to, version: grant.version + 1 },
      },
      (entities) => [
        entities.grant
          .patch({ companyId: grant.companyId, grantId: grant.grantId })
          .set({ state: next.to, version: grant.version + 1, endedAt: now.toISOString(), endReason: reason })
          .where((a, op) => op.eq(a.version, grant.version))
          .commit(),
      ],
      () => now,
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}
