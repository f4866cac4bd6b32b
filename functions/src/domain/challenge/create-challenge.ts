import { CHALLENGE_TTL_SECONDS, DomainError, authorize, type Actor, type ChallengePurpose, type Action } from '@seal/shared';
import type { Ports } from '../../ports';
import { newId, newSecret } from '../identity/secrets';
import { sealsOfCompany } from '../identity/seal-scope';
import { spendQuota, spendQuotas } from '../quota/spend-quota';
import { browserOf, coarseLocation } from './desktop-info';
import type { ChallengeSummaryData } from './challenge-rules';
import { credentialsOfSeal, isLive } from '../credential/find-credential';
import { requireMediumFor } from '../ukey/medium-rules';

/** Who may START each desktop flow (the guide: only the legal representative and holders bind). */
const START_ACTION: Record<Exclude<ChallengePurpose, 'login'>, Action> = {
  ukey_bind: 'ukey.bind',
  ukey_unbind: 'ukey.unbind',
  sign: 'seal.sign',
};

export function qrPayloadFor(challengeId: string): string {
  return `sealqr:1:${challengeId}`;
}

interface Client {
  ip?: string;
  userAgent?: string;
}

async function saveChallenge(services: Ports, purpose: ChallengePurpose, summary: ChallengeSummaryData) {
  const now = services.now();
  const challengeId = newId('ch');
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000);
  await services.store.challenges.create({
    challengeId,
    purpose,
    desktopBinding: hash,
    summary,
    state: 'pending',
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ttl: Math.floor(expiresAt.getTime() / 1000) + 3600,
  });
  return { challengeId, desktopSecret: secret, qrPayload: qrPayloadFor(challengeId), expiresAt: expiresAt.toISOString() };
}

/** A desktop before login asks to be logged in by a phone. Public, so rate-limited per address. */
export async function createLoginChallenge(services: Ports, client: Client) {
  await spendQuota(services.store, 'challenge.login.ip', client.ip ?? 'unknown', services.now());
  return saveChallenge(services, 'login', { details: {}, desktop: { location: coarseLocation(client.ip), browser: browserOf(client.userAgent) } });
}

/**
 * A logged-in desktop asks the phone to confirm a UKey binding or a signature on one seal. Counted
 * against the person's and the company's daily QR quotas once the caller may start it.
 */
export async function createSealChallenge(
  services: Ports,
  input: {
    purpose: Exclude<ChallengePurpose, 'login'>;
    companyId: string;
    sealId: string;
    details: Record<string, unknown>;
    actor: Actor;
    client: Client;
  },
) {
  const target = { companyId: input.companyId, sealIds: [input.sealId] };
  if (!authorize(input.actor, START_ACTION[input.purpose], target).allowed) throw new DomainError('NOT_AUTHORIZED');
  const [seal] = await sealsOfCompany(services.store, input.companyId, [input.sealId]);
  // A QR code for a binding that cannot happen would show 已确认 on the phone and a refusal on the desktop.
  if (input.purpose === 'ukey_bind' || input.purpose === 'ukey_unbind') {
    const operation = input.purpose === 'ukey_bind' ? 'bind' : 'unbind';
    // (A person with no credential of the seal is told so by the binding itself; the desktop offers neither to them.)
    const mine = (await credentialsOfSeal(services.store, input.sealId)).find((c) => c.personId === input.actor.personId && isLive(c));
    if (mine) requireMediumFor(operation, mine);
    if (operation === 'bind' && !input.details.ukeySerial) throw new DomainError('VALIDATION_FAILED', '未检测到UKey，请插入UKey后重试');
  }
  const company = await services.store.companies.get(input.companyId);
  await spendQuotas(
    services.store,
    [
      { quota: 'challenge.person', subject: input.actor.personId! },
      { quota: 'challenge.company', subject: input.companyId },
    ],
    services.now(),
  );
  return saveChallenge(services, input.purpose, {
    companyId: input.companyId,
    companyName: company?.name,
    sealId: seal!.sealId,
    sealName: seal!.name,
    sealKind: seal!.kind,
    creatorId: input.actor.personId,
    details: input.details,
    desktop: { location: coarseLocation(input.client.ip), browser: browserOf(input.client.userAgent) },
  });
}
