import { createHmac } from 'node:crypto';
import { loadIdentityConfig } from './identity-config';

/**
 * A person's id: a keyed hash of their ID number, so the same person is found whether they arrive
 * by login, as a grantee or as a legal representative, and the ID number is never a key. Keyed
 * (HMAC) because ID numbers are few enough to hash them all: an unkeyed hash would be reversible.
 */
export function personIdFor(idNumber: string, key: string = loadIdentityConfig().personIdKey): string {
  return `p_${createHmac('sha256', key).update(idNumber.trim().toUpperCase()).digest('hex').slice(0, 32)}`;
}
