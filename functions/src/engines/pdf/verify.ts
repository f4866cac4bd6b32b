export { verifyPdf, type VerifyPdfOptions } from './verify/verify-pdf';
export type { VerificationReport, SignatureReport, Verdict, CertificateStatus, ModificationLevel } from './verify/report';
export type { RevocationCheck, RevocationStatus } from './verify/verify-signature';
export { PLATFORM_POLICY, type VerificationPolicy } from './verify/policy';
export { clearVerificationCaches } from './trust/caches';
