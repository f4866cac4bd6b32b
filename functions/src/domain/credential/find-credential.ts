import { DomainError } from '@seal/shared';
import type { EntityItem } from 'electrodb';
import type { SealService } from '../../adapters/dynamodb/service';
import type { Credential } from '../../adapters/dynamodb/entities/credential';

export type CredentialItem = EntityItem<ReturnType<typeof Credential>>;

/** Live credentials can sign (active) or will again (locked); superseded and revoked are history. */
export function isLive(credential: { state: string }): boolean {
  return credential.state === 'active' || credential.state === 'locked';
}

/** Every credential of a seal (a seal has a handful: one per person who claimed it, plus history). */
export async function credentialsOfSeal(db: SealService, sealId: string): Promise<CredentialItem[]> {
  const { data } = await db.entities.credential.query.bySeal({ sealId }).go({ pages: 'all', consistent: true });
  return data as CredentialItem[];
}

/**
 * The person's live credential for a seal. CREDENTIAL_NOT_FOUND when they never claimed it,
 * CREDENTIAL_INACTIVE when all they have is superseded or revoked.
 */
export async function liveCredentialOf(db: SealService, query: { sealId: string; personId: string; credentialId?: string }): Promise<CredentialItem> {
  const mine = (await credentialsOfSeal(db, query.sealId)).filter(
    (c) => c.personId === query.personId && (!query.credentialId || c.credentialId === query.credentialId),
  );
  const live = mine.find(isLive);
  if (live) return live;
  throw new DomainError(mine.length ? 'CREDENTIAL_INACTIVE' : 'CREDENTIAL_NOT_FOUND');
}
