/**
 * The platform PKI: root CA, seal and TSA certificates, RFC 3161 timestamps, CRLs, status at a
 * time and chain checks. Every private-key operation goes through a `Signer`, which names its
 * algorithm (algorithms.ts: the digest to sign, the identifiers written, how to verify), so the CA and
 * TSA keys can stay in KMS and another algorithm is one more table entry (decision 0045). Certificates, CRLs and tokens are DER
 * `Uint8Array`s everywhere; use `toPem` / `fromPem` at the edges. Profile: docs/decisions/0005.
 */
export { signMessage, type Signer } from './signer';
export {
  algorithmOfKey,
  DEFAULT_SIGNATURE_ALGORITHM,
  isSignatureAlgorithmId,
  signatureAlgorithm,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithm,
  type SignatureAlgorithmId,
} from './algorithms';
export { InMemoryDigestSigner } from './in-memory-digest-signer';

export { createRootCertificate, DEFAULT_PLATFORM_NAME, type RootCaOptions } from './root-ca';
export { issueSealCertificate, sealSubject, SEAL_SIGNING_EKU, type SealCertificateRequest } from './seal-certificate';
export { readSealCertificate, type SealCertificateInfo } from './read-seal-certificate';
export { issueTsaCertificate, type TsaCertificateRequest } from './tsa-certificate';
export { issueSealMakerCertificate, type SealMakerCertificateRequest } from './seal-maker-certificate';
export { crlUrl, ocspUrl } from './extensions';

export { buildSignedData, completeSignedData, prepareSignedData, type PreparedSignedData, type SignedDataRequest } from './signed-data';
export { createTimestampToken, DEFAULT_TSA_POLICY_OID, type TimestampTokenRequest } from './timestamp-token';
export { timestampResponse, type TimestampAuthority } from './timestamp-response';
export { readTimestampToken, type TimestampTokenInfo } from './read-timestamp-token';
export { verifyTimestampToken, type TimestampCheck, type TimestampVerdict } from './verify-timestamp-token';

export { createCrl, type CrlRequest } from './crl';
export { parseCrl, type ParsedCrl } from './parse-crl';
export { REVOCATION_REASONS, type Revocation, type RevocationReason } from './revocation';
export { certificateStatusAt, type CertificateStatus, type CertificateStatusAt, type CertificateStatusQuery } from './certificate-status';
export { verifyChain, type ChainProblem, type ChainQuery, type ChainVerdict } from './verify-chain';

export { toPem, fromPem, firstFromPem, derFrom, type PemLabel } from './pem';
export { sha256, toHex, fromHex, randomSerialNumber } from './bytes';
export { PkiError, type PkiErrorCode } from './errors';
export { OID } from './oids';

export { answerOcspRequest, authorityOf, createOcspResponse, certIdOf, MAX_OCSP_REQUESTS, MAX_OCSP_REQUEST_BYTES, type OcspAuthority, type OcspCertStatus, type OcspResponder } from './ocsp';
export { issueOcspResponderCertificate, type OcspResponderCertificateRequest } from './ocsp-responder-certificate';
