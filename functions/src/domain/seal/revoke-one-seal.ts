import { DomainError, credentialMachine, step, type Role } from '@seal/shared';
import { transitionSeal } from './transition-seal';
import { credentialsOfSeal, isLive, type CredentialItem } from '../credential/find-credential';
import { certificateRevocationWrites } from '../platform-pki/revoke-certificates';
import type { RevocationReason } from '../../engines/pki';
import type { SealStore } from '../../ports/seal-store';
import { shreddedKeyRef } from '../credential/retire-keys';
import { NO_EXPIRY, type SealItem } from './views';

/**
 * 注销 of one seal, final: in one transaction the seal goes to `revoked`, every live credential
 * to `revoked` (its wrapped key dropped), every live certificate is marked revoked and the CRL's
 * revocation count grows, plus the audit event. The transaction is conditional on the seal's and
 * each credential's version, so a claim or PIN reset racing it makes one of the two fail whole.
 * Returns the credentials it revoked (kms-asymmetric keys are retired after, by the caller).
 */
export async function revokeOneSeal(
  store: SealStore,
  request: { seal: SealItem; as: Role; actorId: string; reason: string; crlReason: RevocationReason; now: Date },
): Promise<CredentialItem[]> {
  const { seal, now } = request;
  const live = (await credentialsOfSeal(store, seal.sealId)).filter(isLive);
  for (const c of live) {
    const next = step(credentialMachine, c.state, 'revoke', request.as);
    if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'CONFLICT');
  }
  await transitionSeal(store, {
    sealId: seal.sealId,
    event: 'revoke',
    as: request.as,
    actorId: request.actorId,
    reason: request.reason,
    expectedVersion: seal.version,
    // A revoked seal has no live certificate: keep it out of the renewal job's days.
    set: { expiresOn: NO_EXPIRY },
    alsoWrite: [
      ...live.map((c) => store.credentials.retire(c, { state: 'revoked', keyRef: shreddedKeyRef(c) })),
      ...certificateRevocationWrites(
        store,
        // A UKey-bound credential has a second certificate, the token key's (decision 0121).
        [...live, ...live.flatMap((c) => (c.ukey ? [c.ukey] : []))],
        { reason: request.crlReason, at: now },
      ),
    ],
    now: () => now,
  });
  return live;
}
