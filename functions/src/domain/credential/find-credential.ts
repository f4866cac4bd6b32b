import { DomainError } from '@seal/shared';
import type { CredentialRecord, SealStore } from '../../ports/seal-store';

export type CredentialItem = CredentialRecord;

/** Live credentials can sign (active) or will again (locked); superseded and revoked are history. */
export function isLive(credential: { state: string }): boolean {
  return credential.state === 'active' || credential.state === 'locked';
}

/** Every credential of a seal (a seal has a handful: one per person who claimed it, plus history). */
export function credentialsOfSeal(store: SealStore, sealId: string): Promise<CredentialItem[]> {
  return store.credentials.ofSeal(sealId);
}

/**
 * The person's live credential for a seal, read by holder (decision 0141: never all of the seal's).
 * CREDENTIAL_NOT_FOUND when they never claimed it, CREDENTIAL_INACTIVE when all they have is
 * superseded or revoked. The holder index is eventually consistent: whoever acts on what it returns
 * either writes conditionally on it or checks it again by key with a consistent read (signing does
 * both), so a stale answer is refused, never used.
 */
export async function liveCredentialOf(store: SealStore, query: { sealId: string; personId: string; credentialId?: string }): Promise<CredentialItem> {
  return liveCredentialAmong(await store.credentials.ofHolder(query.personId, query.sealId), query);
}

/** `liveCredentialOf` among the person's credentials already read (the request's standing, decision 0205). */
export function liveCredentialAmong(credentials: readonly CredentialItem[], query: { sealId: string; credentialId?: string }): CredentialItem {
  const mine = credentials.filter((c) => c.sealId === query.sealId && (!query.credentialId || c.credentialId === query.credentialId));
  const live = mine.find(isLive);
  if (live) return live;
  throw new DomainError(mine.length ? 'CREDENTIAL_INACTIVE' : 'CREDENTIAL_NOT_FOUND');
}
