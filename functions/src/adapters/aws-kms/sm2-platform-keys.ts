import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { signSm2Digest, sm2PrivateKeyFromSeed, sm2PublicKeyOf } from '../../engines/gm/sm2';
import { sm2SpkiFromPublicKey } from '../../engines/gm/keys';
import type { PlatformSigner } from '../../ports/platform-keys';
import { KeyCustodyError } from './key-custody-error';
import { KmsDigestSigner } from './kms-digest-signer';
import { ensureKey, signingKey } from './platform-keys';
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

/** Finds (or creates on first need) the SM2 platform keys, as the P-256 ones are found: by alias. */
export async function sm2PlatformSigners(client: KMSClient, mode: Sm2PlatformKeyMode): Promise<Sm2PlatformSigners> {
  switch (mode) {
    case 'kms-asymmetric': {
      const inKms = async (alias: string, role: string) =>
        KmsDigestSigner.create({ client, keyId: await ensureKey(client, signingKey(alias, role, 'sm2-sm3')), algorithm: 'sm2-sm3' });
      const [root, tsa, sealMaker] = await Promise.all([
        inKms(SM2_PLATFORM_KEY_ALIASES.rootCa, 'sm2-root-ca'),
        inKms(SM2_PLATFORM_KEY_ALIASES.tsa, 'sm2-tsa'),
        inKms(SM2_PLATFORM_KEY_ALIASES.sealMaker, 'seal-maker'),
      ]);
      return { root, tsa, sealMaker };
    }
    case 'kms-hmac-derived': {
      const macKey = await ensureKey(client, { alias: SM2_PLATFORM_KEY_ALIASES.derivation, role: 'sm2-derivation', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });
      const [root, tsa, sealMaker] = await Promise.all([
        derivedSigner(client, macKey, 'sm2-root-ca'),
        derivedSigner(client, macKey, 'sm2-tsa'),
        derivedSigner(client, macKey, 'seal-maker'),
      ]);
      return { root, tsa, sealMaker };
    }
    default: {
      const unknown: never = mode;
      throw new KeyCustodyError('KEY_CUSTODY_MISCONFIGURED', `PLATFORM_SM2_KEYS must be kms-asymmetric or kms-hmac-derived, not "${String(unknown)}"`);
    }
  }
}

/** The role's SM2 key from two HMACs of its label; the signer keeps the scalar only. */
async function derivedSigner(client: KMSClient, macKeyArn: string, role: string): Promise<PlatformSigner> {
  const mac = async (part: number) => {
    const label = new TextEncoder().encode(`seal-platform/sm2-key/${role}/v1/${part}`);
    const answer = await kmsCall('GenerateMac', () => client.send(new GenerateMacCommand({ KeyId: macKeyArn, MacAlgorithm: 'HMAC_SHA_256', Message: label })));
    if (!answer.Mac) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no MAC for ${macKeyArn}`);
    return answer.Mac;
  };
  const seed = new Uint8Array([...(await mac(1)), ...(await mac(2))]);
  const scalar = sm2PrivateKeyFromSeed(seed);
  seed.fill(0);
  const spki = sm2SpkiFromPublicKey(sm2PublicKeyOf(scalar));
  return {
    algorithm: 'sm2-sm3',
    // The stored certificate names this: the HMAC key and the role it derives.
    keyId: `${macKeyArn}#${role}`,
    publicKeySpki: async () => spki.slice(),
    signDigest: async (digest) => signSm2Digest(scalar, digest),
  };
}
