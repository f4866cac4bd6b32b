import { DomainError } from '@seal/shared';
import type { PersonRecord, SealStore } from '../../ports/seal-store';

export async function getPerson(store: SealStore, personId: string) {
  const data = await store.people.get(personId);
  if (!data) throw new DomainError('PERSON_NOT_FOUND');
  return data;
}

/**
 * The name this person's own face check verified together with their ID number, or undefined
 * while nobody but others has named them (issue #15: identity comes only from one's own check).
 * A record bound to WeChat before `nameVerifiedAt` existed was written by that same check: the
 * login then refused any other name, so its name is verified too.
 */
export function verifiedName(person: Pick<PersonRecord, 'name' | 'nameVerifiedAt' | 'openid'> | undefined): string | undefined {
  if (!person) return undefined;
  return person.nameVerifiedAt || person.openid ? person.name : undefined;
}

/**
 * Names compared as a person would read them: full-width and half-width forms alike (NFKC), no
 * spaces, and the middle dots of minority names (·, •, ・, ‧, ．) as one.
 */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/\s+/gu, '')
      .replace(/[·•・‧．.]/gu, '·');
  return norm(a) === norm(b);
}
