/**
 * The signature algorithms the platform signs with, as values, in one table (decision 0045).
 * Everything that depends on the algorithm asks its entry: which hash makes message digests, which
 * AlgorithmIdentifier certificates, CRLs and CMS carry, what digest the private key is given, and how
 * a signature is checked. A signer names its algorithm by id (`Signer.algorithm`), so code that signs
 * never assumes one.
 *
 * ECDSA signs e = H(M); SM2 (GB/T 32918) signs e = SM3(Z ‖ M), where Z is computed from the public
 * key and the signer's distinguishing ID: so "the digest to sign" is the algorithm's to compute, from
 * the message and the public key. The SM2 entry has its row in adapters/aws-kms/kms-algorithms.ts
 * (KMS key spec) and adapters/aws-kms/local-keys.ts (keys made in the function) too (decision 0075).
 *
 * ECDSA verifies with node:crypto. SM2 verifies with engines/gm (curve arithmetic from
 * @noble/curves): OpenSSL in Node signs and verifies an SM2-curve key as ECDSA and cannot be given
 * a distinguishing ID, so it cannot check an SM2 signature.
 */
import { OID } from './oids';
import { createHash, verify, type KeyObject } from 'node:crypto';
import { publicKeyOf } from './public-key';
import { readTlv } from './der';
import { algorithmOf } from './der-values';
// Module paths, not the gm index: the in-memory signer is not needed to sign through a port or to verify.
import { DEFAULT_SM2_DISTINGUISHING_ID, OID_SM2_WITH_SM3, OID_SM3 } from '../gm/constants';
import { sm2PublicKeyFromSpki } from '../gm/keys';
import { sm2MessageDigest, verifySm2Digest } from '../gm/sm2';
import { sm3 } from '../gm/sm3';

export interface DigestAlgorithm {
  readonly oid: string;
  /** DER AlgorithmIdentifier as the platform writes it (CMS digestAlgorithm). */
  readonly der: Uint8Array;
  readonly length: number;
  /** The digest of the parts, concatenated (a PDF's signed byte ranges are two parts). */
  digest(...parts: Uint8Array[]): Uint8Array;
}

export interface SignatureAlgorithm {
  readonly id: string;
  /** Message digests: the CMS message-digest attribute, a PDF's byte-range digest, certificates' TBS. */
  readonly hash: DigestAlgorithm;
  /** The signature algorithm's OID and DER AlgorithmIdentifier (certificates, CRLs, CMS signatureAlgorithm). */
  readonly signatureOid: string;
  readonly signatureAlgorithmDer: Uint8Array;
  /** Whether a DER SubjectPublicKeyInfo holds a key of this algorithm. */
  holdsKey(publicKeySpki: Uint8Array): boolean;
  /** What the private key signs for `message` (the signer's `signDigest` input). */
  digestToSign(message: Uint8Array, publicKeySpki: Uint8Array): Uint8Array;
  /** Whether `signature` (as signers return it: DER for ECDSA and SM2) is over `message` by the key. */
  verify(message: Uint8Array, signature: Uint8Array, publicKeySpki: Uint8Array): boolean;
  /**
   * Other OIDs that name this algorithm where a signature's algorithm is read (not written): GB/T
   * 35275 names SM2 in a SignerInfo `sm2-1` (1.2.156.10197.1.301.1), the digest being SM3.
   */
  readonly alsoKnownAs?: readonly string[];
}

export const SHA256: DigestAlgorithm = {
  oid: OID.sha256,
  // AlgorithmIdentifier { sha256 } with the parameters absent, as the platform has always written it.
  der: new Uint8Array([0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]),
  length: 32,
  digest: (...parts) => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return new Uint8Array(hash.digest());
  },
};

function publicKey(spki: Uint8Array): KeyObject | undefined {
  try {
    return publicKeyOf(spki);
  } catch {
    return undefined;
  }
}

const ECDSA_P256_SHA256: SignatureAlgorithm = {
  id: 'ecdsa-p256-sha256',
  hash: SHA256,
  signatureOid: OID.ecdsaWithSha256,
  // ecdsa-with-SHA256, parameters absent (RFC 5758 §3.2).
  signatureAlgorithmDer: new Uint8Array([0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]),
  holdsKey: (spki) => publicKey(spki)?.asymmetricKeyDetails?.namedCurve === 'prime256v1',
  digestToSign: (message) => SHA256.digest(message),
  verify: (message, signature, spki) => {
    const key = publicKey(spki);
    if (key?.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return false;
    try {
      return verify('sha256', message, { key, dsaEncoding: 'der' }, signature);
    } catch {
      return false;
    }
  },
};

const SM3: DigestAlgorithm = {
  oid: OID_SM3,
  // AlgorithmIdentifier { sm3 } with the parameters absent, as OpenSSL and GB/T 35275 write it.
  der: new Uint8Array([0x30, 0x0a, 0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x11]),
  length: 32,
  digest: (...parts) => sm3(...parts),
};

/** The SM2 public point of a SubjectPublicKeyInfo, or undefined when it is not an SM2 key. */
function sm2Point(spki: Uint8Array): Uint8Array | undefined {
  try {
    return sm2PublicKeyFromSpki(spki);
  } catch {
    return undefined;
  }
}

/**
 * SM2 with SM3 (GB/T 32918.2, GB/T 35276). The platform's signatures always use the default
 * distinguishing ID of GM/T 0009 (`distinguishingId`): a verifier needs the same ID, and OpenSSL
 * is told it with `-sigopt distid:` / `-vfyopt distid:` (OpenSSL's own default is the empty ID).
 */
const SM2_SM3: SignatureAlgorithm & { readonly distinguishingId: string } = {
  id: 'sm2-sm3',
  hash: SM3,
  signatureOid: OID_SM2_WITH_SM3,
  // SM2-with-SM3, parameters absent (GB/T 20518, as OpenSSL writes it).
  signatureAlgorithmDer: new Uint8Array([0x30, 0x0a, 0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75]),
  alsoKnownAs: ['1.2.156.10197.1.301.1'],
  distinguishingId: DEFAULT_SM2_DISTINGUISHING_ID,
  holdsKey: (spki) => sm2Point(spki) !== undefined,
  digestToSign: (message, spki) => {
    const point = sm2Point(spki);
    if (!point) throw new RangeError('sm2-sm3 needs an SM2 public key');
    return sm2MessageDigest(point, message, DEFAULT_SM2_DISTINGUISHING_ID);
  },
  verify: (message, signature, spki) => {
    const point = sm2Point(spki);
    return !!point && verifySm2Digest(point, sm2MessageDigest(point, message, DEFAULT_SM2_DISTINGUISHING_ID), signature);
  },
};

/** The table. A new algorithm is one more entry (and its key spec where keys are made). */
export const SIGNATURE_ALGORITHMS = {
  'ecdsa-p256-sha256': ECDSA_P256_SHA256,
  'sm2-sm3': SM2_SM3,
} as const satisfies Record<string, SignatureAlgorithm>;

export type SignatureAlgorithmId = keyof typeof SIGNATURE_ALGORITHMS;

/** What the platform's own keys (root CA, TSA, new seal credentials) are made for unless told otherwise. */
export const DEFAULT_SIGNATURE_ALGORITHM: SignatureAlgorithmId = 'ecdsa-p256-sha256';

export function signatureAlgorithm(id: SignatureAlgorithmId): SignatureAlgorithm {
  return SIGNATURE_ALGORITHMS[id];
}

export function isSignatureAlgorithmId(value: unknown): value is SignatureAlgorithmId {
  return typeof value === 'string' && Object.hasOwn(SIGNATURE_ALGORITHMS, value);
}

const ENTRIES = Object.values(SIGNATURE_ALGORITHMS) as SignatureAlgorithm[];

/** The platform algorithm a signature OID names, if the platform signs with it. */
export function algorithmBySignatureOid(oid: string | undefined): SignatureAlgorithm | undefined {
  return ENTRIES.find((algorithm) => algorithm.signatureOid === oid);
}

/** The same for a CMS SignerInfo's signatureAlgorithm, which may also name the algorithm by another OID (`alsoKnownAs`). */
export function algorithmOfSignerInfo(oid: string | undefined): SignatureAlgorithm | undefined {
  return algorithmBySignatureOid(oid) ?? ENTRIES.find((algorithm) => oid !== undefined && algorithm.alsoKnownAs?.includes(oid));
}

/** The platform algorithm whose signature AlgorithmIdentifier this DER is, if any. */
export function algorithmByIdentifier(der: Uint8Array): SignatureAlgorithm | undefined {
  try {
    return algorithmBySignatureOid(algorithmOf(der, readTlv(der, 0)));
  } catch {
    return undefined;
  }
}

/** The algorithm a DER SubjectPublicKeyInfo's key does; undefined for a key the platform does not sign with. */
export function algorithmOfKey(publicKeySpki: Uint8Array): SignatureAlgorithmId | undefined {
  return (Object.keys(SIGNATURE_ALGORITHMS) as SignatureAlgorithmId[]).find((id) => SIGNATURE_ALGORITHMS[id].holdsKey(publicKeySpki));
}

/** A digest algorithm the platform signs with, by OID (CMS digestAlgorithm, ESS, message imprints). */
export function digestAlgorithmByOid(oid: string | undefined): DigestAlgorithm | undefined {
  return ENTRIES.map((algorithm) => algorithm.hash).find((hash) => hash.oid === oid);
}
