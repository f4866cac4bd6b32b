import { DomainError, SYSTEM_CAUSE_LABELS, grantMachine, step, type SystemCause } from '@seal/shared';
import { logEvent } from '../../config/logger';
import type { RevocationReason } from '../../engines/pki';
import type { GrantRecord, SealStore } from '../../ports/seal-store';
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
  store: SealStore,
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
    const [seals, grants] = await Promise.all([store.seals.ofCompany(change.companyId), store.grants.ofCompany(change.companyId)]);
    const pendingSeals = seals.filter((s) => s.state !== 'revoked');
    const pendingGrants = grants.filter((g) => g.state === 'active');
    if (pendingSeals.length === 0 && pendingGrants.length === 0) break;
    for (const seal of pendingSeals) {
      try {
        retired.push(...(await revokeOneSeal(store, { seal, as: 'system', actorId: 'system:registry', reason, crlReason, now: change.now })));
        revokedSealIds.push(seal.sealId);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    for (const grant of pendingGrants) {
      if (await endGrant(store, grant, reason, change.now)) endedGrantIds.push(grant.grantId);
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

/** Grant machine `end` (system), conditional on the version read, with its audit event. */
async function endGrant(store: SealStore, grant: GrantRecord, reason: string, now: Date): Promise<boolean> {
  const next = step(grantMachine, grant.state, 'end', 'system');
  if (!next.ok) return false;
  try {
    await store.commitWithAudit(
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
      [store.grants.end(grant, { state: next.to, endedAt: now.toISOString(), endReason: reason })],
      now,
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}
