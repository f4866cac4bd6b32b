import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { signatureAlgorithm, type SignatureAlgorithmId } from './algorithms';
import { integerContent } from './der';
import { rawDer } from './schema';
import { toArrayBuffer } from './bytes';

/** The signature AlgorithmIdentifier the algorithm writes (certificates, CMS), byte for byte from its table entry. */
export function signatureAlgorithmIdentifier(id: SignatureAlgorithmId): AlgorithmIdentifier {
  return rawDer<AlgorithmIdentifier>(signatureAlgorithm(id).signatureAlgorithmDer);
}

/** The AlgorithmIdentifier of the algorithm's message digest (CMS digestAlgorithm). */
export function digestAlgorithmIdentifier(id: SignatureAlgorithmId): AlgorithmIdentifier {
  return rawDer<AlgorithmIdentifier>(signatureAlgorithm(id).hash.der);
}

/** A non-negative INTEGER's content (serial numbers, nonces) as asn1-schema takes it. */
export function integerFrom(serial: Uint8Array | bigint): ArrayBuffer {
  return toArrayBuffer(integerContent(serial));
}
