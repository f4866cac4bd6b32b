import { DomainError, canSign, credentialMachine, step } from '@seal/shared';
import { refusalFor } from './transition-seal';
import { credentialsOfSeal, isLive, liveCredentialOf } from '../credential/find-credential';
import { certificateRevocationWrites } from '../platform-pki/revoke-certificates';
import type { LifecycleDeps } from './deps';
import { proveFace, resolveRole, type ActingParty } from './acting-party';
import { loadSeal } from './load-seal';
import { prepareCredential } from '../credential/prepare-credential';
import { retireKeys, shreddedKeyRef } from '../credential/retire-keys';
import { certificateDer, earliestExpiry, expiryDay, keyRecordOf } from './views';
import { makeSealData } from './make-seal-data';

/**
 * 忘记签章密码: face check, then a new credential (new key, new certificate, new PIN) supersedes
 * the old one, whose certificate is revoked (reason `superseded`). One transaction: the old
 * credential superseded, its certificate revoked, the new credential and certificate record, the
 * seal's expiry day and version (so a concurrent freeze or revoke makes this fail, not half-apply).
 * Only a seal that may sign gets a new certificate.
 */
export async function resetPin(
  deps: LifecycleDeps,
  request: { party: ActingParty & { kind: 'person' }; sealId: string; newPin: string; now: Date },
) {
  const { store } = deps.services;
  const personId = request.party.actor.personId!;
  const seal = await loadSeal(store, request.sealId);
  const target = { companyId: seal.companyId, sealIds: [seal.sealId] };
  const acting = resolveRole(request.party, 'credential.reset_pin', target);
  if (!canSign(seal.state)) throw new DomainError(refusalFor(seal.state));
  const old = await liveCredentialOf(store, { sealId: seal.sealId, personId });
  const next = step(credentialMachine, old.state, 'supersede', acting.as);
  if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : 'CREDENTIAL_INACTIVE');
  await proveFace(store, request.party, 'credential.reset_pin', target, request.now);

  const prepared = await prepareCredential(deps, { seal, personId, pin: request.newPin, medium: old.medium, now: request.now });
  const others = (await credentialsOfSeal(store, seal.sealId)).filter((c) => isLive(c) && c.credentialId !== old.credentialId);
  const expiresOn = earliestExpiry([...others.map((c) => expiryDay(new Date(c.notAfter))), expiryDay(prepared.notAfter)]);
  let sealData: Awaited<ReturnType<typeof makeSealData>> | undefined;
  try {
    // The new certificate replaces the old one in the seal's 印章数据 (decision 0077).
    const company = await store.companies.get(seal.companyId);
    if (!company) throw new DomainError('COMPANY_NOT_FOUND');
    sealData = await makeSealData(deps.services, { company, seal, certificates: [...others.map(certificateDer), prepared.certificate], now: request.now });
    await store.commitWithAudit(
      {
        companyId: seal.companyId,
        actorId: acting.actorId,
        actorRole: acting.as,
        action: 'credential.reset_pin',
        subject: `credential:${old.credentialId}`,
        before: { state: old.state, version: old.version, serial: old.serial, sealId: seal.sealId },
        after: { state: next.to, version: old.version + 1, replacedBy: prepared.credentialId, serial: prepared.serial, sealId: seal.sealId },
      },
      [
        store.seals.update(seal, { expiresOn, sealData: sealData.record, updatedAt: request.now.toISOString() }),
        store.credentials.retire(old, { state: next.to, keyRef: shreddedKeyRef(old) }),
        ...certificateRevocationWrites(store, [old], { reason: 'superseded', at: request.now }),
        ...prepared.writes,
      ],
      request.now,
    );
  } catch (error) {
    await sealData?.discard();
    await prepared.discard();
    throw error;
  }
  await retireKeys(deps, [old]);
  const credential = (await credentialsOfSeal(store, seal.sealId)).find((c) => c.credentialId === prepared.credentialId)!;
  return { seal: await loadSeal(store, seal.sealId), credential, keyRecord: keyRecordOf(credential) };
}
