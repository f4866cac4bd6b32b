import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { generateSm2PrivateKey, sm2Pkcs8FromPrivateKey, sm2PublicKeyOf, sm2SpkiFromPublicKey } from '../../../src/engines/gm';
import { optionalInteger, optionalString, requiredString, tagList } from '../fields';
import { keyMetadata, seconds } from '../key-metadata';
import { KmsError, invalid } from '../kms-error';
import type { KeySpec, KeyUsage, StoredKey } from '../key-store';
import { keyArn, resolveKey, type KmsContext } from '../resolve-key';
import type { Operation } from './operation';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The kinds of key the platform uses; anything else is refused rather than faked. SM2 keys exist
 * in KMS's China Regions for SIGN_VERIFY (SM2DSA) and ENCRYPT_DECRYPT (SM2PKE); only signing is
 * implemented here. HMAC_256 keys (GENERATE_VERIFY_MAC) derive the platform's SM2 keys outside the
 * China Regions (decision 0076).
 */
const SUPPORTED: Record<KeySpec, KeyUsage> = {
  SYMMETRIC_DEFAULT: 'ENCRYPT_DECRYPT',
  ECC_NIST_P256: 'SIGN_VERIFY',
  SM2: 'SIGN_VERIFY',
  HMAC_256: 'GENERATE_VERIFY_MAC',
};

export const CreateKey: Operation = (ctx, body) => {
  const keySpec = (optionalString(body, 'KeySpec') ?? optionalString(body, 'CustomerMasterKeySpec') ?? 'SYMMETRIC_DEFAULT') as KeySpec;
  const keyUsage = (optionalString(body, 'KeyUsage') ?? 'ENCRYPT_DECRYPT') as KeyUsage;
  if (!(keySpec in SUPPORTED)) {
    throw new KmsError('UnsupportedOperationException', `KeySpec ${keySpec} is not supported by the local KMS endpoint (only SYMMETRIC_DEFAULT, ECC_NIST_P256, SM2 and HMAC_256).`);
  }
  if (SUPPORTED[keySpec] !== keyUsage) throw invalid(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}.`);
  const origin = optionalString(body, 'Origin');
  if (origin !== undefined && origin !== 'AWS_KMS') throw new KmsError('UnsupportedOperationException', `Origin ${origin} is not supported.`);

  const keyId = randomUUID();
  const key: StoredKey = {
    keyId,
    arn: keyArn(ctx, keyId),
    creationDate: Date.now(),
    description: optionalString(body, 'Description') ?? '',
    keySpec,
    keyUsage,
    state: 'Enabled',
    tags: tagList(body, 'Tags'),
    rotation: { enabled: false, periodInDays: 365 },
    material:
      keySpec === 'SYMMETRIC_DEFAULT'
        ? { kind: 'symmetric', backingKeys: [randomBytes(32).toString('base64')] }
        : keySpec === 'HMAC_256'
          ? { kind: 'hmac', key: randomBytes(32).toString('base64') }
          : keySpec === 'SM2'
            ? newSm2Material()
            : newEcMaterial(),
  };
  ctx.store.putKey(key);
  return { KeyMetadata: keyMetadata(key, ctx.accountId) };
};

export const DescribeKey: Operation = (ctx, body) => ({
  KeyMetadata: keyMetadata(resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true }), ctx.accountId),
});

export const ListKeys: Operation = (ctx) => ({
  Keys: ctx.store.allKeys().map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })),
  Truncated: false,
});

export const ScheduleKeyDeletion: Operation = (ctx, body) => {
  const key = keyOnly(ctx, body);
  const window = optionalInteger(body, 'PendingWindowInDays') ?? 30;
  if (window < 7 || window > 30) throw invalid('PendingWindowInDays must be between 7 and 30.');
  if (key.state === 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
  const deletionDate = Date.now() + window * DAY_MS;
  ctx.store.putKey({ ...key, state: 'PendingDeletion', deletionDate, pendingWindowInDays: window });
  return { KeyId: key.arn, DeletionDate: seconds(deletionDate), KeyState: 'PendingDeletion', PendingWindowInDays: window };
};

export const CancelKeyDeletion: Operation = (ctx, body) => {
  const key = keyOnly(ctx, body);
  if (key.state !== 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${key.arn} is not pending deletion.`);
  const { deletionDate: _date, pendingWindowInDays: _window, ...rest } = key;
  // As in KMS, a rescued key comes back disabled; the operator enables it on purpose.
  ctx.store.putKey({ ...rest, state: 'Disabled' });
  return { KeyId: key.arn };
};

export const EnableKey: Operation = (ctx, body) => setEnabled(ctx, body, 'Enabled');
export const DisableKey: Operation = (ctx, body) => setEnabled(ctx, body, 'Disabled');

function setEnabled(ctx: KmsContext, body: Record<string, unknown>, state: 'Enabled' | 'Disabled') {
  const key = keyOnly(ctx, body);
  if (key.state === 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
  ctx.store.putKey({ ...key, state });
  return {};
}

/** Operations that, like KMS, take a key id or key ARN but not an alias. */
export function keyOnly(ctx: KmsContext, body: Record<string, unknown>): StoredKey {
  return resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: false });
}

function newSm2Material(): StoredKey['material'] {
  const privateKey = generateSm2PrivateKey();
  return {
    kind: 'ec',
    privateKeyPkcs8: Buffer.from(sm2Pkcs8FromPrivateKey(privateKey)).toString('base64'),
    publicKeySpki: Buffer.from(sm2SpkiFromPublicKey(sm2PublicKeyOf(privateKey))).toString('base64'),
  };
}

function newEcMaterial(): StoredKey['material'] {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    kind: 'ec',
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeySpki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}
