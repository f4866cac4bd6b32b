import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinKeys } from '../../ports/pin-keys';

/**
 * Signing PINs are stored as a MAC under the platform's PIN key in KMS (decision 0140):
 * `kms-hmac$v1$<mac b64>` over the credential's id and the PIN. A six-digit PIN has only 10^6
 * values, so a copy of a slow hash falls to an offline search in hours; a MAC under a key that never
 * leaves KMS cannot be checked without KMS, and one check costs one KMS call instead of scrypt's
 * ~90 ms of CPU. Naming the credential in the message keeps a record copied onto another credential
 * from carrying its PIN along. Online, the lockout (five wrong in a row) is what bounds guessing.
 */
const SCHEME = 'kms-hmac';
const VERSION = 'v1';

/** What the key MACs: purpose, credential, PIN (NFKC, so a full-width digit is the digit). */
function pinMessage(credentialId: string, pin: string): Uint8Array {
  return new TextEncoder().encode(`seal-platform/signing-pin/${VERSION}\0${credentialId}\0${pin.normalize('NFKC')}`);
}

/** The stored form of a new PIN for a credential. */
export async function sealPin(pinKeys: PinKeys, credentialId: string, pin: string): Promise<string> {
  return [SCHEME, VERSION, await pinKeys.mac(pinMessage(credentialId, pin))].join('$');
}

export interface PinMatch {
  matches: boolean;
  /** A right PIN stored in an older form (scrypt): store `sealPin` of it in its place. */
  outdated: boolean;
}

/** Checks a PIN against what is stored; a malformed stored value never matches. */
export async function pinMatches(pinKeys: PinKeys, credentialId: string, pin: string, stored: string): Promise<PinMatch> {
  const [scheme, version, mac] = stored.split('$');
  if (scheme === SCHEME) return { matches: version === VERSION && !!mac && (await pinKeys.verify(pinMessage(credentialId, pin), mac)), outdated: false };
  if (scheme === 'scrypt') {
    const matches = await legacyScryptMatches(pin, stored);
    return { matches, outdated: matches };
  }
  return { matches: false, outdated: false };
}

/**
 * PINs set before decision 0140: `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`. Read only, so
 * each is replaced by its MAC the next time its owner types it right (check-pin.ts).
 */
async function legacyScryptMatches(pin: string, stored: string): Promise<boolean> {
  const [, logN, r, p, salt, hash] = stored.split('$');
  if (!salt || !hash || Buffer.from(hash, 'base64').length !== 32) return false;
  const options: ScryptOptions = { N: 2 ** Number(logN), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}
