import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '@seal/shared';

/**
 * Pagination cursors cross the API sealed (decision 0073): the store's own cursor (its last key) is
 * encrypted and authenticated with AES-256-GCM under a key derived from the session secret, and bound
 * to what the page was for — route, caller and the other query parameters. A cursor that was not
 * made by the platform for this caller and this query is a 400, never a query the store cannot run;
 * the item keys inside it are not shown to the client either.
 */

const VERSION = 'c1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed store cursor is a few hundred characters; anything much longer is not one. */
export const MAX_SEALED_CURSOR_LENGTH = 4096;

const keys = new Map<string, Buffer>();
function cursorKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'seal-platform', 'pagination cursor v1', 32));
    keys.set(secret, key);
  }
  return key;
}

const invalid = () => new DomainError('VALIDATION_FAILED', '分页参数无效，请从第一页重新查询');

/** What a cursor is bound to: the same route, caller and query must present it. */
export function cursorBinding(routeKey: string, caller: string, query: Record<string, unknown>): string {
  const rest = Object.entries(query)
    .filter(([name, value]) => name !== 'cursor' && name !== 'limit' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${String(value)}`);
  return JSON.stringify([routeKey, caller, rest]);
}

export function sealCursor(secret: string, binding: string, storeCursor: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(secret), iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(storeCursor, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The store cursor inside a sealed one; VALIDATION_FAILED for anything else. */
export function openCursor(secret: string, binding: string, sealed: string): string {
  if (sealed.length > MAX_SEALED_CURSOR_LENGTH || !sealed.startsWith(VERSION) || !/^[A-Za-z0-9_-]+$/.test(sealed.slice(VERSION.length))) throw invalid();
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw invalid();
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw invalid();
  }
}
