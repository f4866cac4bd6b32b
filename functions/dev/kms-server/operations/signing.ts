import { createHash } from 'node:crypto';
import { DIGEST_BYTES, signP256Digest, verifyP256Digest } from '../../../src/adapters/aws-kms/p256-digest';
import {
  DEFAULT_SM2_DISTINGUISHING_ID,
  signSm2Digest,
  sm2MessageDigest,
  sm2PrivateKeyFromPkcs8,
  sm2PublicKeyFromSpki,
  verifySm2Digest,
} from '../../../src/engines/gm';
import { optionalString, requiredBlob, requiredString } from '../fields';
import { KmsError, invalid } from '../kms-error';
import type { EcMaterial, StoredKey } from '../key-store';
import { requireEnabled, requireUsage, resolveKey, type KmsContext } from '../resolve-key';
import { SIGNING_ALGORITHM } from '../signing-algorithms';
import type { Operation } from './operation';

export const GetPublicKey: Operation = (ctx, body) => {
  const key = resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true });
  requireEnabled(key);
  if (key.material.kind !== 'ec') {
    throw new KmsError('UnsupportedOperationException', `${key.arn} is not an asymmetric key; it has no public key.`);
  }
  return {
    KeyId: key.arn,
    PublicKey: key.material.publicKeySpki,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    KeyUsage: key.keyUsage,
    SigningAlgorithms: [SIGNING_ALGORITHM[key.keySpec]],
  };
};

/** Signature: DER Ecdsa-Sig-Value (P-256) or DER SM2 SEQUENCE { r, s } (SM2), as KMS returns them. */
export const Sign: Operation = (ctx, body) => {
  const request = signingRequest(ctx, body);
  const privateKey = Buffer.from(request.material.privateKeyPkcs8, 'base64');
  const signature = request.algorithm === 'SM2DSA' ? signSm2Digest(sm2PrivateKeyFromPkcs8(privateKey), request.digest) : signP256Digest(privateKey, request.digest);
  return { KeyId: request.key.arn, Signature: Buffer.from(signature).toString('base64'), SigningAlgorithm: request.algorithm };
};

/** Like KMS, a bad signature is an exception (KMSInvalidSignatureException), never `SignatureValid: false`. */
export const Verify: Operation = (ctx, body) => {
  const request = signingRequest(ctx, body);
  const signature = requiredBlob(body, 'Signature', 6144);
  const publicKey = Buffer.from(request.material.publicKeySpki, 'base64');
  const valid =
    request.algorithm === 'SM2DSA'
      ? verifySm2Digest(sm2PublicKeyFromSpki(publicKey), request.digest, signature)
      : verifyP256Digest(publicKey, request.digest, signature);
  if (!valid) throw new KmsError('KMSInvalidSignatureException', 'The signature is not valid for this message and key.');
  return { KeyId: request.key.arn, SignatureValid: true, SigningAlgorithm: request.algorithm };
};

interface SigningRequest {
  key: StoredKey;
  material: EcMaterial;
  algorithm: 'ECDSA_SHA_256' | 'SM2DSA';
  /** What the key signs: SHA-256(M) for ECDSA_SHA_256, e = SM3(Z_A ‖ M) for SM2DSA. */
  digest: Uint8Array;
}

function signingRequest(ctx: KmsContext, body: Record<string, unknown>): SigningRequest {
  const key = resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true });
  requireEnabled(key);
  requireUsage(key, 'SIGN_VERIFY', 'signing');
  const algorithm = SIGNING_ALGORITHM[key.keySpec];
  const requested = requiredString(body, 'SigningAlgorithm');
  if (algorithm === undefined || requested !== algorithm) throw new KmsError('InvalidKeyUsageException', `${requested} is not valid for ${key.arn}.`);
  const message = requiredBlob(body, 'Message', 4096);
  const messageType = optionalString(body, 'MessageType') ?? 'RAW';
  if (messageType !== 'RAW' && messageType !== 'DIGEST') throw invalid(`MessageType must be RAW or DIGEST.`);
  if (messageType === 'DIGEST' && message.length !== DIGEST_BYTES) {
    throw invalid(`Digest is invalid length for algorithm ${algorithm}: it must be ${DIGEST_BYTES} bytes.`);
  }
  const material = key.material as EcMaterial;
  if (messageType === 'DIGEST') return { key, material, algorithm, digest: message };
  // RAW: KMS hashes for the caller; for SM2DSA that includes Z_A with the default ID (KMS cannot take another).
  const digest =
    algorithm === 'SM2DSA'
      ? sm2MessageDigest(sm2PublicKeyFromSpki(Buffer.from(material.publicKeySpki, 'base64')), message, DEFAULT_SM2_DISTINGUISHING_ID)
      : createHash('sha256').update(message).digest();
  return { key, material, algorithm, digest };
}
