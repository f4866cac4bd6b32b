export { verifyPdf, type VerifyPdfOptions } from './verify/verify-pdf';
export type {
  VerificationReport,
  SignatureReport,
  Verdict,
  Indication,
  SubIndication,
  Finding,
  FindingCode,
  Modification,
  ModificationCode,
  ModificationLevel,
  ObjectKind,
  CertificateStatus,
  CertificationLevel,
} from './verify/report';
export type { RevocationCheck, RevocationStatus } from './verify/verify-signature';
export { PLATFORM_POLICY, MODIFICATION_ORDER, CERTIFICATION_CEILING, type VerificationPolicy } from './verify/policy';
export { readCertification, type Certification } from './verify/certification';
export { clearVerificationCaches } from './trust/caches';
