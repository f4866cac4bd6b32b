import { DomainError, sealMachine, step, type Medium } from '@seal/shared';
import { transitionSeal, refusalFor } from './transition-seal';
import { credentialsOfSeal, isLive } from '../credential/find-credential';
import type { LifecycleDeps } from './deps';
import { proveFace, resolveRole, type ActingParty } from './acting-party';
import { loadSeal } from './load-seal';
import { prepareCredential } from '../credential/prepare-credential';
import { certificateDer, earliestExpiry, expiryDay } from './views';
import { makeSealData } from './make-seal-data';

const MAX_ATTEMPTS = 4;

/**
 * 印章领取: the legal representative or an authorized holder claims a pending seal (or an active
 * one they have not claimed yet): face check, then a key, a certificate and a PIN, written in the
 * same transaction as the seal's `claim` transition and its audit event.
 */
export async function claimSeal(
  deps: LifecycleDeps,
  request: { party: ActingParty & { kind: 'person' }; sealId: string; pin: string; medium: Medium; now: Date },
) {
  const { store } = deps.services;
  const personId = request.party.actor.personId!;
  let seal = await loadSeal(store, request.sealId);
  const acting = resolveRole(request.party, 'seal.claim', { companyId: seal.companyId, sealIds: [seal.sealId] });
  await refuseEarly(deps, seal, acting.as, personId);
  await proveFace(store, request.party, 'seal.claim', { companyId: seal.companyId, sealIds: [seal.sealId] }, request.now);

  const company = await store.companies.get(seal.companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  const prepared = await prepareCredential(deps, { seal, personId, pin: request.pin, medium: request.medium, now: request.now });
  // Another claim or a freeze may land between our read and our write: re-read, re-decide, retry.
  // The 印章数据 lists the certificates live at the version read, so it is made again on each try.
  for (let attempt = 1; ; attempt++) {
    let sealData: Awaited<ReturnType<typeof makeSealData>> | undefined;
    try {
      const live = (await credentialsOfSeal(store, seal.sealId)).filter(isLive);
      if (live.some((c) => c.personId === personId)) throw new DomainError('ALREADY_CLAIMED');
      sealData = await makeSealData(deps.services, { company, seal, certificates: [...live.map(certificateDer), prepared.certificate], now: request.now });
      await transitionSeal(store, {
        sealId: seal.sealId,
        event: 'claim',
        as: acting.as,
        actorId: acting.actorId,
        expectedVersion: seal.version,
        set: { expiresOn: earliestExpiry([...live.map((c) => expiryDay(new Date(c.notAfter))), expiryDay(prepared.notAfter)]), sealData: sealData.record },
        alsoWrite: prepared.writes,
        now: () => request.now,
      });
      break;
    } catch (error) {
      await sealData?.discard();
      const retry = error instanceof DomainError && error.code === 'CONFLICT' && attempt < MAX_ATTEMPTS;
      if (!retry) {
        await prepared.discard();
        throw error;
      }
      seal = await loadSeal(store, request.sealId);
    }
  }
  const [fresh, credentials] = await Promise.all([loadSeal(store, seal.sealId), credentialsOfSeal(store, seal.sealId)]);
  const credential = credentials.find((c) => c.credentialId === prepared.credentialId)!;
  return { seal: fresh, credential };
}

async function refuseEarly(deps: LifecycleDeps, seal: Awaited<ReturnType<typeof loadSeal>>, as: Parameters<typeof step>[3], personId: string) {
  const next = step(sealMachine, seal.state, 'claim', as);
  if (!next.ok) throw new DomainError(next.code === 'NOT_AUTHORIZED' ? 'NOT_AUTHORIZED' : refusalFor(seal.state));
  const live = (await credentialsOfSeal(deps.services.store, seal.sealId)).filter(isLive);
  if (live.some((c) => c.personId === personId)) throw new DomainError('ALREADY_CLAIMED');
}
