import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  type KeyMetadata,
  type KeySpec,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { DEFAULT_SIGNATURE_ALGORITHM } from '../../engines/pki/algorithms';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { KMS_SIGNING_KEYS } from './kms-algorithms';
import { kmsCall, translateKmsError } from './translate-kms-error';
import { KeyCustodyError } from './key-custody-error';

/** The platform's own KMS keys, found by alias so every function and every restart agrees on them. */
export const PLATFORM_KEY_ALIASES = {
  rootCa: 'alias/seal-platform/root-ca',
  tsa: 'alias/seal-platform/tsa',
  ocspResponder: 'alias/seal-platform/ocsp-responder',
  credentialWrapping: 'alias/seal-platform/credential-wrapping',
  /** HMAC_256: the keyed hash of signing PINs (decision 0140). */
  pinMac: 'alias/seal-platform/pin-mac',
} as const;

/** Key ARNs, usable wherever KMS takes a KeyId. */
export interface PlatformKeyIds {
  rootCaKeyId: string;
  tsaKeyId: string;
  ocspKeyId: string;
  wrappingKeyId: string;
  pinMacKeyId: string;
  /** What the root CA and TSA keys sign with. */
  signingAlgorithm: SignatureAlgorithmId;
}

export interface PlatformKeySpec {
  alias: string;
  role: string;
  keySpec: KeySpec;
  keyUsage: 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT' | 'GENERATE_VERIFY_MAC';
}

export const signingKey = (alias: string, role: string, algorithm: SignatureAlgorithmId): PlatformKeySpec => ({
  alias,
  role,
  keySpec: KMS_SIGNING_KEYS[algorithm].keySpec,
  keyUsage: 'SIGN_VERIFY',
});
const WRAPPING: PlatformKeySpec = { alias: PLATFORM_KEY_ALIASES.credentialWrapping, role: 'credential-wrapping', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT' };
export const PIN_MAC: PlatformKeySpec = { alias: PLATFORM_KEY_ALIASES.pinMac, role: 'pin-mac', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' };

/**
 * Finds the root CA, TSA, OCSP responder, credential-wrapping and PIN MAC keys by alias, creating any that is missing.
 * Idempotent, and safe when several processes start at once (see ensureKey).
 */
export async function ensurePlatformKeys(client: KMSClient, signingAlgorithm: SignatureAlgorithmId = DEFAULT_SIGNATURE_ALGORITHM): Promise<PlatformKeyIds> {
  const [rootCaKeyId, tsaKeyId, ocspKeyId, wrappingKeyId, pinMacKeyId] = await Promise.all([
    ensureKey(client, signingKey(PLATFORM_KEY_ALIASES.rootCa, 'root-ca', signingAlgorithm)),
    ensureKey(client, signingKey(PLATFORM_KEY_ALIASES.tsa, 'tsa', signingAlgorithm)),
    ensureKey(client, signingKey(PLATFORM_KEY_ALIASES.ocspResponder, 'ocsp-responder', signingAlgorithm)),
    ensureKey(client, WRAPPING).then((arn) => ensureRotation(client, arn)),
    ensureKey(client, PIN_MAC),
  ]);
  return { rootCaKeyId, tsaKeyId, ocspKeyId, wrappingKeyId, pinMacKeyId, signingAlgorithm };
}

/**
 * The alias is the lock. Timeline when two processes start together:
 *   A: DescribeKey(alias) → none      B: DescribeKey(alias) → none
 *   A: CreateKey → kA                 B: CreateKey → kB
 *   A: CreateAlias(alias → kA) ✓      B: CreateAlias(alias → kB) ✗ AlreadyExists
 *                                     B: schedules kB for deletion, re-reads alias → kA
 * Both end with kA. A crash between CreateKey and CreateAlias leaves an unaliased key tagged
 * with its role, never a second live platform key.
 */
export async function ensureKey(client: KMSClient, spec: PlatformKeySpec): Promise<string> {
  const existing = await describeAlias(client, spec.alias);
  if (existing) return usable(existing, spec);

  const created = await kmsCall('CreateKey', () =>
    client.send(
      new CreateKeyCommand({
        KeySpec: spec.keySpec,
        KeyUsage: spec.keyUsage,
        Description: `Seal platform ${spec.role} key`,
        Tags: [{ TagKey: 'seal-platform-key', TagValue: spec.role }],
      }),
    ),
  );
  const keyId = created.KeyMetadata!.KeyId!;
  try {
    await client.send(new CreateAliasCommand({ AliasName: spec.alias, TargetKeyId: keyId }));
    return created.KeyMetadata!.Arn!;
  } catch (error) {
    if (!(error instanceof AlreadyExistsException)) throw translateKmsError(error, 'CreateAlias');
    await kmsCall('ScheduleKeyDeletion', () => client.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })));
    const winner = await describeAlias(client, spec.alias);
    if (!winner) throw new KeyCustodyError('KEY_UNAVAILABLE', `${spec.alias} existed a moment ago and is gone`);
    return usable(winner, spec);
  }
}

async function describeAlias(client: KMSClient, alias: string): Promise<KeyMetadata | undefined> {
  try {
    return (await client.send(new DescribeKeyCommand({ KeyId: alias }))).KeyMetadata;
  } catch (error) {
    if (error instanceof NotFoundException) return undefined;
    throw translateKmsError(error, 'DescribeKey');
  }
}

/** An aliased key that is disabled, pending deletion or of the wrong kind needs an operator, not a new key. */
function usable(key: KeyMetadata, spec: PlatformKeySpec): string {
  if (key.KeyState !== 'Enabled') {
    throw new KeyCustodyError('KEY_UNAVAILABLE', `${spec.alias} points to ${key.Arn}, which is ${key.KeyState}`);
  }
  if (key.KeySpec !== spec.keySpec || key.KeyUsage !== spec.keyUsage) {
    throw new KeyCustodyError('KEY_UNSUITABLE', `${spec.alias} points to a ${key.KeySpec}/${key.KeyUsage} key; ${spec.keySpec}/${spec.keyUsage} is required`);
  }
  return key.Arn!;
}

/** Annual rotation of the wrapping key: old envelopes keep decrypting, new ones use fresh material. */
async function ensureRotation(client: KMSClient, keyArn: string): Promise<string> {
  const status = await kmsCall('GetKeyRotationStatus', () => client.send(new GetKeyRotationStatusCommand({ KeyId: keyArn })));
  if (!status.KeyRotationEnabled) {
    await kmsCall('EnableKeyRotation', () => client.send(new EnableKeyRotationCommand({ KeyId: keyArn })));
  }
  return keyArn;
}
