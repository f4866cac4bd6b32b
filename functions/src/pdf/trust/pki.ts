/**
 * The one file through which the PDF engine reaches the PKI module (functions/src/pki).
 */
export type { DigestSigner } from '../../pki';
export { readSealCertificate, verifyChain, verifyTimestampToken, type SealCertificateInfo, type ChainProblem } from '../../pki';
