import { DomainError, authorize, type Actor, type Medium } from '@seal/shared';
import type { Ports } from '../../ports';
import { liveCredentialOf } from '../credential/find-credential';
import { loadSeal } from '../seal/load-seal';
import { getChallenge } from '../challenge/challenge-rules';
import { consumeChallenge } from '../challenge/poll-challenge';

export type UkeyOperation = 'bind' | 'unbind';

const RULES = {
  bind: { action: 'ukey.bind', purpose: 'ukey_bind', from: 'phone', to: 'ukey', wrongMedium: '该印章已绑定Ukey', done: '绑定成功' },
  unbind: { action: 'ukey.unbind', purpose: 'ukey_unbind', from: 'ukey', to: 'phone', wrongMedium: '该印章未绑定Ukey', done: '解绑成功' },
} as const;

/**
 * Ukey 绑定 / 解绑 (decision 0021): the desktop that started the QR challenge, once a phone
 * approved it (face check by the legal representative, an administrator or a holder of the seal),
 * moves its person's credential of the seal to the UKey (or back to the phone). Checked in order:
 * the caller may bind this seal (`ukey.bind` / `ukey.unbind`, read fresh), the challenge is this
 * desktop's, for this seal and purpose, and approved; then one conditional write on the
 * credential's version, with its audit event. The challenge is consumed only after every check
 * that can refuse without writing, so a refused request does not burn the approval.
 */
export async function changeUkeyBinding(
  services: Ports,
  input: { operation: UkeyOperation; sealId: string; actor: Actor; challengeId: string; desktopSecret: string },
) {
  const rule = RULES[input.operation];
  const { store } = services;
  const personId = input.actor.personId!;
  const seal = await loadSeal(store, input.sealId);
  const decision = authorize(input.actor, rule.action, { companyId: seal.companyId, sealIds: [seal.sealId] });
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
  const credential = await liveCredentialOf(store, { sealId: seal.sealId, personId });
  if (credential.medium !== rule.from) throw new DomainError('ILLEGAL_TRANSITION', rule.wrongMedium);

  // Someone else's challenge, or one for another seal, is "not found" exactly like a wrong secret.
  const challenge = await getChallenge(store, input.challengeId);
  if (challenge.summary.creatorId !== personId || challenge.summary.sealId !== seal.sealId) throw new DomainError('CHALLENGE_NOT_FOUND');
  const approval = await consumeChallenge(services, {
    challengeId: input.challengeId,
    desktopSecret: input.desktopSecret,
    purpose: rule.purpose,
    callerId: personId,
  });

  const now = services.now();
  const ukeySerial = typeof approval.summary.details.ukeySerial === 'string' ? approval.summary.details.ukeySerial : undefined;
  await store.commitWithAudit(
    {
      companyId: seal.companyId,
      actorId: personId,
      actorRole: decision.as,
      action: rule.action,
      subject: `credential:${credential.credentialId}`,
      before: { medium: credential.medium, version: credential.version, sealId: seal.sealId },
      after: {
        medium: rule.to,
        version: credential.version + 1,
        sealId: seal.sealId,
        approvedBy: approval.approverId,
        ...(ukeySerial ? { ukeySerial } : {}),
      },
    },
    [store.credentials.moveMedium(credential, { from: rule.from, to: rule.to })],
    now,
  );
  return { message: rule.done, sealId: seal.sealId, credentialId: credential.credentialId, medium: rule.to as Medium };
}
