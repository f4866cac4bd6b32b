import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { signSm2Digest, sm2PrivateKeyFromSeed, sm2PublicKeyOf } from '../../engines/gm/sm2';
import { sm2SpkiFromPublicKey } from '../../engines/gm/keys';
import type { PlatformSigner } from '../../ports/platform-keys';
import { KeyCustodyError } from './key-custody-error';
import { KmsDigestSigner } from './kms-digest-signer';
import { ensureKey, signingKey, type PlatformKeySpec } from './platform-keys';
import { kmsCall } from './translate-kms-error';

/**
 * Where the platform's SM2 keys (root CA, TSA, seal maker) live (decision 0076):
 * - `kms-asymmetric`: KMS keys of `KeySpec: SM2` (AWS China regions); they never leave KMS.
 * - `kms-hmac-derived`: elsewhere KMS has no SM2 keys. One KMS HMAC key derives each SM2 private key
 *   (HMAC of a fixed label per role, twice for 64 bytes, reduced into the curve order): the key is
 *   rebuilt in the function on each cold start and stored nowhere. Whoever may call GenerateMac on
 *   that KMS key holds the platform's SM2 keys, as whoever may Decrypt an envelope holds its key.
 */
export type Sm2PlatformKeyMode = 'kms-asymmetric' | 'kms-hmac-derived';

export const SM2_PLATFORM_KEY_ALIASES = {
  rootCa: 'alias/seal-platform/sm2-root-ca',
  tsa: 'alias/seal-platform/sm2-tsa',
  sealMaker: 'alias/seal-platform/seal-maker',
  derivation: 'alias/seal-platform/sm2-derivation',
  /** The SM2 OCSP responder (decision 0230): its own key in either mode, so the public responder cannot derive the root. */
  ocspResponder: 'alias/seal-platform/sm2-ocsp-responder',
  ocspDerivation: 'alias/seal-platform/sm2-ocsp-derivation',
} as const;

export interface Sm2PlatformSigners {
  root: PlatformSigner;
  tsa: PlatformSigner;
  sealMaker: PlatformSigner;
}

/** SM2 keys live in KMS in the China regions; elsewhere they are derived. */
export function defaultSm2PlatformKeyMode(region: string): Sm2PlatformKeyMode {
  return region.startsWith('cn-') ? 'kms-asymmetric' : 'kms-hmac-derived';
}

/** The KMS keys each mode needs, under the aliases the functions look up. */
export function sm2PlatformKeySpecs(mode: Sm2PlatformKeyMode): PlatformKeySpec[] {
  switch (mode) {
    case 'kms-asymmetric':
      return [
        signingKey(SM2_PLATFORM_KEY_ALIASES.rootCa, 'sm2-root-ca', 'sm2-sm3'),
        signingKey(SM2_PLATFORM_KEY_ALIASES.tsa, 'sm2-tsa', 'sm2-sm3'),
        signingKey(SM2_PLATFORM_KEY_ALIASES.sealMaker, 'seal-maker', 'sm2-sm3'),
        signingKey(SM2_PLATFORM_KEY_ALIASES.ocspResponder, 'sm2-ocsp-responder', 'sm2-sm3'),
      ];
    case 'kms-hmac-derived':
      return [
        { alias: SM2_PLATFORM_KEY_ALIASES.derivation, role: 'sm2-derivation', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' },
        { alias: SM2_PLATFORM_KEY_ALIASES.ocspDerivation, role: 'sm2-ocsp-derivation', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' },
      ];
    default: {
      const unknown: never = mode;
      throw new KeyCustodyError('KEY_CUSTODY_MISCONFIGURED', `PLATFORM_SM2_KEYS must be kms-asymmetric or kms-hmac-derived, not "${String(unknown)}"`);
    }
  }
}

/** Bootstrap only: creates the SM2 platform keys that are missing (as ensurePlatformKeys does for P-256). */
export async function ensureSm2PlatformKeys(client: KMSClient, mode: Sm2PlatformKeyMode): Promise<void> {
  await Promise.all(sm2PlatformKeySpecs(mode).map((spec) => ensureKey(client, spec)));
}

/**
 * The SM2 signers, their keys found by alias (`find` throws PLATFORM_NOT_READY for a missing one):
 * a request never creates them.
 */
export async function sm2PlatformSigners(client: KMSClient, mode: Sm2PlatformKeyMode, find: (alias: string) => Promise<string>): Promise<Sm2PlatformSigners> {
  if (mode === 'kms-asymmetric') {
    const inKms = async (alias: string) => KmsDigestSigner.create({ client, keyId: await find(alias), algorithm: 'sm2-sm3' });
    const [root, tsa, sealMaker] = await Promise.all([inKms(SM2_PLATFORM_KEY_ALIASES.rootCa), inKms(SM2_PLATFORM_KEY_ALIASES.tsa), inKms(SM2_PLATFORM_KEY_ALIASES.sealMaker)]);
    return { root, tsa, sealMaker };
  }
  const macKey = await find(SM2_PLATFORM_KEY_ALIASES.derivation);
  return { root: derivedSigner(client, macKey, 'sm2-root-ca'), tsa: derivedSigner(client, macKey, 'sm2-tsa'), sealMaker: derivedSigner(client, macKey, 'seal-maker') };
}

/**
 * The SM2 OCSP responder's signer (decision 0230): a KMS SM2 key, or derived as the other SM2 keys
 * are, but from an HMAC key of its own, so the public OCSP function holds no other platform key.
 */
export async function sm2OcspSigner(client: KMSClient, mode: Sm2PlatformKeyMode, find: (alias: string) => Promise<string>): Promise<PlatformSigner> {
  if (mode === 'kms-asymmetric') return KmsDigestSigner.create({ client, keyId: await find(SM2_PLATFORM_KEY_ALIASES.ocspResponder), algorithm: 'sm2-sm3' });
  return derivedSigner(client, await find(SM2_PLATFORM_KEY_ALIASES.ocspDerivation), 'sm2-ocsp-responder');
}

/**
 * The role's SM2 key from two HMACs of its label, derived on first use: reading the platform
 * certificates (which only compares key ids) calls KMS for nothing more than DescribeKey.
 */
function derivedSigner(client: KMSClient, macKeyArn: string, role: string): PlatformSigner {
  let derived: Promise<{ scalar: Uint8Array; spki: Uint8Array }> | undefined;
  const key = () => {
    derived ??= derive(client, macKeyArn, role);
    // A failed derivation (KMS briefly down) is tried again on the next use.
    derived.catch(() => (derived = undefined));
    return derived;
  };
  return {
    algorithm: 'sm2-sm3',
    // The stored certificate names this: the HMAC key and the role it derives.
    keyId: `${macKeyArn}#${role}`,
    publicKeySpki: async () => (await key()).spki.slice(),
    signDigest: async (digest) => signSm2Digest((await key()).scalar, digest),
  };
}

async function derive(client: KMSClient, macKeyArn: string, role: string): Promise<{ scalar: Uint8Array; spki: Uint8Array }> {
  const mac = async (part: number) => {
    const label = new TextEncoder().encode(`seal-platform/sm2-key/${role}/v1/${part}`);
    const answer = await kmsCall('GenerateMac', () => client.send(new GenerateMacCommand({ KeyId: macKeyArn, MacAlgorithm: 'HMAC_SHA_256', Message: label })));
    if (!answer.Mac) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no MAC for ${macKeyArn}`);
    return answer.Mac;
  };
  const seed = new Uint8Array([...(await mac(1)), ...(await mac(2))]);
  const scalar = sm2PrivateKeyFromSeed(seed);
  seed.fill(0);
  return { scalar, spki: sm2SpkiFromPublicKey(sm2PublicKeyOf(scalar)) };
}
