import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralName, type Name } from '@peculiar/asn1-x509';
import { Accuracy, MessageImprint, TSTInfo } from '@peculiar/asn1-tsp';
import type { Signer } from './signer';
import { signatureAlgorithm } from './algorithms';
import { OID } from './oids';
import { viewCertificate } from './certificate-view';
import { buildSignedData } from './signed-data';
import { integerFrom } from './sign-tbs';
import { derOf, rawDer } from './schema';
import { bytesEqual, randomSerialNumber } from './bytes';
import { PkiError } from './errors';

/** The platform TSA's policy. A UUID-based OID (X.667, arc 2.25): unique without registering an arc. */
export const DEFAULT_TSA_POLICY_OID = '2.25.329516015496054449014003598554822168381.1';

/** DER AlgorithmIdentifier of SM3 (no parameters), for an imprint hashed with it. */
export const SM3_IMPRINT_ALGORITHM = new Uint8Array(AsnConvert.serialize(new AlgorithmIdentifier({ algorithm: OID.sm3 })));

export interface TimestampTokenRequest {
  /** The TSA key (KMS in production). */
  signer: Signer;
  /** DER of the TSA certificate (EKU id-kp-timeStamping). */
  tsaCertificate: Uint8Array;
  /** Further certificates to carry (DER), e.g. the root. */
  chain?: Uint8Array[];
  /** The digest being timestamped: for a PAdES signature, SHA-256 of the signature value. */
  messageImprint: Uint8Array;
  /** DER AlgorithmIdentifier of the imprint's digest, copied from the request; SHA-256 when absent. */
  hashAlgorithm?: Uint8Array;
  genTime: Date;
  /** Unique per token; 16 random bytes when absent. */
  serialNumber?: Uint8Array | bigint;
  nonce?: Uint8Array | bigint;
  policyOid?: string;
  /** RFC 3161: certificates are included only when the request asked for them (certReq). Default true. */
  includeCertificates?: boolean;
}

/** An RFC 3161 TimeStampToken: ContentInfo(SignedData(TSTInfo)), DER. */
export async function createTimestampToken(request: TimestampTokenRequest): Promise<Uint8Array> {
  // The imprint's hash is the requester's choice (SHA-256 for the platform's own signatures), not the TSA key's.
  const hashAlgorithm = request.hashAlgorithm
    ? AsnConvert.parse(request.hashAlgorithm, AlgorithmIdentifier)
    : new AlgorithmIdentifier({ algorithm: OID.sha256 });
  if (hashAlgorithm.algorithm === OID.sha256 && request.messageImprint.length !== 32) {
    throw new PkiError('PKI_BAD_INPUT', 'a SHA-256 message imprint has 32 bytes');
  }
  const tsaCertificate = viewCertificate(request.tsaCertificate);
  const tstInfo = derOf(
    new TSTInfo({
      version: 1,
      policy: request.policyOid ?? DEFAULT_TSA_POLICY_OID,
      messageImprint: new MessageImprint({ hashAlgorithm, hashedMessage: new OctetString(request.messageImprint) }),
      serialNumber: integerFrom(request.serialNumber ?? randomSerialNumber()),
      genTime: request.genTime,
      accuracy: new Accuracy({ seconds: 1 }),
      ...(request.nonce !== undefined ? { nonce: integerFrom(request.nonce) } : {}),
      tsa: new GeneralName({ directoryName: rawDer<Name>(tsaCertificate.subject) }),
    }),
  );
  const includeCertificates = request.includeCertificates ?? true;
  return buildSignedData({
    signer: request.signer,
    signerCertificate: request.tsaCertificate,
    certificates: includeCertificates ? [request.tsaCertificate, ...withoutDuplicates(request.chain ?? [], request.tsaCertificate)] : [],
    contentType: OID.tstInfo,
    content: tstInfo,
    contentDigest: signatureAlgorithm(request.signer.algorithm).hash.digest(tstInfo),
  });
}

function withoutDuplicates(chain: Uint8Array[], tsaCertificate: Uint8Array): Uint8Array[] {
  const seen = [tsaCertificate];
  return chain.filter((certificate) => !seen.some((other) => bytesEqual(other, certificate)) && seen.push(certificate) > 0);
}
