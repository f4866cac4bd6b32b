import { createHash } from 'node:crypto';
import { DIGEST_BYTES, signP256Digest, verifyP256Digest } from '../../../src/adapters/aws-kms/p256-digest';
import { optionalString, requiredBlob, requiredString } from '../fields';
import { KmsError, invalid } from '../kms-error';
import type { EcMaterial, StoredKey } from '../key-store';
import { requireEnabled, requireUsage, resolveKey, type KmsContext } from '../resolve-key';
import type { Operation } from './operation';

const ALGORITHM = 'ECDSA_SHA_256';

export const GetPublicKey: Operation = (ctx, body) => {
  const key = resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true });
  requireEnabled(key);
  if (key.material.kind !== 'ec') {
    throw new KmsError('UnsupportedOperationException', `${key.arn} is a symmetric key; it has no public key.`);
  }
  return {
    KeyId: key.arn,
    PublicKey: key.material.publicKeySpki,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    SigningAlgorithms: [ALGORITHM],
  };
};

/** Signature: DER Ecdsa-Sig-Value, as KMS returns it. */
export const Sign: Operation = (ctx, body) => {
  const { key, material, digest } = signingRequest(ctx, body);
  const signature = signP256Digest(Buffer.from(material.privateKeyPkcs8, 'base64'), digest);
  return { KeyId: key.arn, Signature: Buffer.from(signature).toString('base64'), SigningAlgorithm: ALGORITHM };
};

/** Like KMS, a bad signature is an exception (KMSInvalidSignatureException), never `SignatureValid: false`. */
export const Verify: Operation = (ctx, body) => {
  const { key, material, digest } = signingRequest(ctx, body);
  const signature = requiredBlob(body, 'Signature', 6144);
  if (!verifyP256Digest(Buffer.from(material.publicKeySpki, 'base64'), digest, signature)) {
    throw new KmsError('KMSInvalidSignatureException', 'The signature is not valid for this message and key.');
  }
  return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: ALGORITHM };
};

function signingRequest(ctx: KmsContext, body: Record<string, unknown>): { key: StoredKey; material: EcMaterial; digest: Buffer } {
  const key = resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true });
  requireEnabled(key);
  requireUsage(key, 'SIGN_VERIFY', 'signing');
  const algorithm = requiredString(body, 'SigningAlgorithm');
  if (algorithm !== ALGORITHM) throw new KmsError('InvalidKeyUsageException', `${algorithm} is not valid for ${key.arn}.`);
  const message = requiredBlob(body, 'Message', 4096);
  const messageType = optionalString(body, 'MessageType') ?? 'RAW';
  if (messageType !== 'RAW' && messageType !== 'DIGEST') throw invalid(`MessageType must be RAW or DIGEST.`);
  if (messageType === 'DIGEST' && message.length !== DIGEST_BYTES) {
    throw invalid(`Digest is invalid length for algorithm ${ALGORITHM}: it must be ${DIGEST_BYTES} bytes.`);
  }
  const digest = messageType === 'DIGEST' ? message : createHash('sha256').update(message).digest();
  return { key, material: key.material as EcMaterial, digest };
}
