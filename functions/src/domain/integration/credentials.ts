import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API credentials of an integrated system (docs/decisions/0014): a client id and a 256-bit random
 * secret, sent as HTTP Basic over TLS. The platform keeps only SHA-256(clientId:secret): a slow
 * hash (scrypt) protects low-entropy passwords; a 256-bit random secret cannot be guessed from its
 * hash, and a fast hash keeps every API call cheap.
 */
export const NO_SECRET = '-';

export function newClientSecret(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

export function hashClientSecret(clientId: string, secret: string): string {
  return `sha256$${createHash('sha256').update(`${clientId}:${secret}`).digest('hex')}`;
}

export function secretMatches(clientId: string, secret: string, stored: string): boolean {
  if (stored === NO_SECRET || !stored.startsWith('sha256$')) return false;
  const a = Buffer.from(hashClientSecret(clientId, secret));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function basicAuthorization(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`, 'utf8').toString('base64')}`;
}

/** `Authorization: Basic base64(clientId:secret)` → its parts, or null. */
export function parseBasicAuthorization(header: string | undefined): { clientId: string; secret: string } | null {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
