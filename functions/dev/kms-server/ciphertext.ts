import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KmsError } from './kms-error';
import type { EncryptionContext } from './fields';
import type { StoredKey, SymmetricMaterial } from './key-store';

/**
 * The ciphertext blob: opaque to callers but self-describing, like KMS's, so Decrypt needs
 * no key id.  Layout:
 *   "LKMS" | version 1 | key-id length (1) | key id (utf8) | backing-key index (uint16 BE)
 *   | IV (12) | GCM tag (16) | ciphertext
 * The header and the canonical encryption context are the AES-GCM additional data: a blob
 * decrypted under any other context, or with an edited header, fails authentication.
 */
const MAGIC = Buffer.from('LKMS', 'ascii');
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealBlob(key: StoredKey, plaintext: Buffer, context: EncryptionContext): Buffer {
  const material = symmetric(key);
  const backingIndex = material.backingKeys.length - 1;
  const header = headerFor(key.keyId, backingIndex);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', backingKey(material, backingIndex), iv);
  cipher.setAAD(additionalData(header, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
}

/** Reads the key id a blob names, without decrypting it. */
export function blobKeyId(blob: Buffer): string {
  return parse(blob).keyId;
}

export function openBlob(key: StoredKey, blob: Buffer, context: EncryptionContext): Buffer {
  const parsed = parse(blob);
  const material = symmetric(key);
  const aesKey = material.backingKeys[parsed.backingIndex];
  if (parsed.keyId !== key.keyId || aesKey === undefined) throw invalidCiphertext();
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(aesKey, 'base64'), parsed.iv);
    decipher.setAAD(additionalData(parsed.header, context));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
  } catch {
    // Wrong encryption context and tampered bytes look the same, as in KMS.
    throw invalidCiphertext();
  }
}

function parse(blob: Buffer) {
  const fixed = MAGIC.length + 2;
  if (blob.length < fixed || !blob.subarray(0, MAGIC.length).equals(MAGIC) || blob[MAGIC.length] !== VERSION) {
    throw invalidCiphertext();
  }
  const idLength = blob[MAGIC.length + 1]!;
  const headerLength = fixed + idLength + 2;
  if (blob.length < headerLength + IV_BYTES + TAG_BYTES) throw invalidCiphertext();
  const header = blob.subarray(0, headerLength);
  return {
    header,
    keyId: blob.subarray(fixed, fixed + idLength).toString('utf8'),
    backingIndex: blob.readUInt16BE(fixed + idLength),
    iv: blob.subarray(headerLength, headerLength + IV_BYTES),
    tag: blob.subarray(headerLength + IV_BYTES, headerLength + IV_BYTES + TAG_BYTES),
    ciphertext: blob.subarray(headerLength + IV_BYTES + TAG_BYTES),
  };
}

function headerFor(keyId: string, backingIndex: number): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  const index = Buffer.alloc(2);
  index.writeUInt16BE(backingIndex);
  return Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, index]);
}

/** Order-independent: KMS treats the context as a set of pairs, not as the JSON the caller sent. */
function additionalData(header: Buffer, context: EncryptionContext): Buffer {
  const pairs = Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.concat([header, Buffer.from(JSON.stringify(pairs), 'utf8')]);
}

function symmetric(key: StoredKey): SymmetricMaterial {
  if (key.material.kind !== 'symmetric') throw new KmsError('InvalidKeyUsageException', `${key.arn} is not a symmetric key.`);
  return key.material;
}

function backingKey(material: SymmetricMaterial, index: number): Buffer {
  return Buffer.from(material.backingKeys[index]!, 'base64');
}

const invalidCiphertext = (): KmsError => new KmsError('InvalidCiphertextException', 'The ciphertext is invalid or does not match the encryption context.');
