/**
 * The one file through which the PDF engine reaches the PKI module; when `pki/index.ts`
 * exports everything, only these imports change.
 */
export type { DigestSigner } from '../../pki/digest-signer';
export { readSealCertificate, type SealCertificateInfo } from '../../pki/read-seal-certificate';
export { ecdsaSha256Verifies } from '../../pki/ecdsa';
export { parseCertificate, signatureVerifies } from '../../pki/certificate';
