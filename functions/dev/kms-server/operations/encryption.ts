import { randomBytes } from 'node:crypto';
import { blobKeyId, openBlob, sealBlob } from '../ciphertext';
import { encryptionContext, optionalInteger, optionalString, requiredBlob, requiredString } from '../fields';
import { KmsError, invalid, notFound } from '../kms-error';
import type { StoredKey } from '../key-store';
import { requireEnabled, requireUsage, resolveKey, type KmsContext } from '../resolve-key';
import type { Operation } from './operation';

const MAX_PLAINTEXT = 4096;
const MAX_CIPHERTEXT = 6144;
const b64 = (bytes: Buffer): string => bytes.toString('base64');

export const Encrypt: Operation = (ctx, body) => {
  const key = encryptionKey(ctx, requiredString(body, 'KeyId'), body);
  const ciphertext = sealBlob(key, requiredBlob(body, 'Plaintext', MAX_PLAINTEXT), encryptionContext(body, 'EncryptionContext'));
  return { CiphertextBlob: b64(ciphertext), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
};

export const Decrypt: Operation = (ctx, body) => {
  const { key, plaintext } = open(ctx, body, 'KeyId', 'EncryptionContext');
  return { KeyId: key.arn, Plaintext: b64(plaintext), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
};

export const GenerateDataKey: Operation = (ctx, body) => {
  const { key, dataKey } = newDataKey(ctx, body);
  const ciphertext = sealBlob(key, dataKey, encryptionContext(body, 'EncryptionContext'));
  return { CiphertextBlob: b64(ciphertext), Plaintext: b64(dataKey), KeyId: key.arn };
};

export const GenerateDataKeyWithoutPlaintext: Operation = (ctx, body) => {
  const { key, dataKey } = newDataKey(ctx, body);
  return { CiphertextBlob: b64(sealBlob(key, dataKey, encryptionContext(body, 'EncryptionContext'))), KeyId: key.arn };
};

export const ReEncrypt: Operation = (ctx, body) => {
  const source = open(ctx, body, 'SourceKeyId', 'SourceEncryptionContext');
  const destination = encryptionKey(ctx, requiredString(body, 'DestinationKeyId'), body, 'DestinationEncryptionAlgorithm');
  const ciphertext = sealBlob(destination, source.plaintext, encryptionContext(body, 'DestinationEncryptionContext'));
  return {
    CiphertextBlob: b64(ciphertext),
    SourceKeyId: source.key.arn,
    KeyId: destination.arn,
    SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
  };
};

export const GenerateRandom: Operation = (_ctx, body) => {
  const count = optionalInteger(body, 'NumberOfBytes') ?? 32;
  if (count < 1 || count > 1024) throw invalid('NumberOfBytes must be between 1 and 1024.');
  return { Plaintext: b64(randomBytes(count)) };
};

/**
 * The blob names its key, so KeyId is optional; when given it must be that key
 * (IncorrectKeyException otherwise), which is how callers pin least privilege.
 */
function open(ctx: KmsContext, body: Record<string, unknown>, keyField: string, contextField: string) {
  const blob = requiredBlob(body, 'CiphertextBlob', MAX_CIPHERTEXT);
  const namedKeyId = blobKeyId(blob);
  const expected = optionalString(body, keyField);
  if (expected !== undefined && resolveKey(ctx, expected, { allowAlias: true }).keyId !== namedKeyId) {
    throw new KmsError('IncorrectKeyException', 'The key ID in the request does not identify the key that encrypted the ciphertext.');
  }
  const key = ctx.store.key(namedKeyId);
  if (!key) throw notFound(`The key that encrypted this ciphertext`);
  checkEncryptionKey(key, body, 'EncryptionAlgorithm');
  return { key, plaintext: openBlob(key, blob, encryptionContext(body, contextField)) };
}

function newDataKey(ctx: KmsContext, body: Record<string, unknown>): { key: StoredKey; dataKey: Buffer } {
  const key = encryptionKey(ctx, requiredString(body, 'KeyId'), body);
  const keySpec = optionalString(body, 'KeySpec');
  const numberOfBytes = optionalInteger(body, 'NumberOfBytes');
  if ((keySpec === undefined) === (numberOfBytes === undefined)) throw invalid('Specify either KeySpec or NumberOfBytes.');
  const size = keySpec === 'AES_256' ? 32 : keySpec === 'AES_128' ? 16 : numberOfBytes;
  if (size === undefined || size < 1 || size > 1024) throw invalid(`KeySpec must be AES_256 or AES_128, or NumberOfBytes between 1 and 1024.`);
  return { key, dataKey: randomBytes(size) };
}

function encryptionKey(ctx: KmsContext, ref: string, body: Record<string, unknown>, algorithmField = 'EncryptionAlgorithm'): StoredKey {
  const key = resolveKey(ctx, ref, { allowAlias: true });
  checkEncryptionKey(key, body, algorithmField);
  return key;
}

function checkEncryptionKey(key: StoredKey, body: Record<string, unknown>, algorithmField: string): void {
  requireEnabled(key);
  requireUsage(key, 'ENCRYPT_DECRYPT', 'encryption');
  const algorithm = optionalString(body, algorithmField) ?? 'SYMMETRIC_DEFAULT';
  if (algorithm !== 'SYMMETRIC_DEFAULT') throw new KmsError('InvalidKeyUsageException', `${algorithm} is not valid for ${key.arn}.`);
}
