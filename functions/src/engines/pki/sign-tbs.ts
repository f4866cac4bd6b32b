import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import type { DigestSigner } from './digest-signer';
import { OID } from './oids';
import { integerContent } from './der';
import { sha256, toArrayBuffer } from './bytes';

/** ecdsa-with-SHA256 has no parameters (RFC 5758 §3.2): the field is absent, not NULL. */
export function ecdsaWithSha256(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256 });
}

export function sha256Algorithm(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({ algorithm: OID.sha256 });
}

/** Signs DER-encoded "to be signed" bytes: SHA-256 here, ECDSA in the signer (KMS Sign, DIGEST). */
export async function signTbs(signer: DigestSigner, tbs: Uint8Array): Promise<Uint8Array> {
  return signer.signDigest(sha256(tbs));
}

/** A non-negative INTEGER's content (serial numbers, nonces) as asn1-schema takes it. */
export function integerFrom(serial: Uint8Array | bigint): ArrayBuffer {
  return toArrayBuffer(integerContent(serial));
}
