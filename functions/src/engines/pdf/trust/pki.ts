/**
 * The one file through which the PDF engine reaches the PKI module (functions/src/engines/pki) to verify.
 * It names the modules, not the index: the index also carries the certificate, CRL and token
 * builders and their ASN.1 schemas, which a verifying function does not need.
 */
export type { Signer } from '../../pki/signer';
export { algorithmBySignatureOid, algorithmOfKey, digestAlgorithmByOid, type SignatureAlgorithmId } from '../../pki/algorithms';
export { readSealCertificate, type SealCertificateInfo } from '../../pki/read-seal-certificate';
export { verifyChain, type ChainProblem } from '../../pki/verify-chain';
export { verifyTimestampToken, type TimestampFailure } from '../../pki/verify-timestamp-token';
export { readSignedData, type SignedDataView, type SignerInfoView } from '../../pki/read-signed-data';
export { verifySignerInfo, digestOf, type SignerCheck } from '../../pki/verify-signer-info';
export { viewCertificate, clearCertificateViews, serialHex, type CertificateView } from '../../pki/certificate-view';
export { publicKeyOf, clearPublicKeys } from '../../pki/public-key';
export { DIGEST_NAMES, OID } from '../../pki/oids';
export { readOcspResponse, mayAnswerFor, type OcspResponseView } from '../../pki/read-ocsp-response';
export { parseCrl } from '../../pki/parse-crl';
export { sameName } from '../../pki/name-der';
export { normalizeSerial } from '../../pki/revocation';
