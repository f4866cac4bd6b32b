import * as z from 'zod/mini';
import { id } from '../../fields';
import {
  CERTIFICATE_STATUSES,
  COVERAGES,
  FINDING_CODES,
  INDICATIONS,
  INTEGRITIES,
  MODIFICATION_CODES,
  MODIFICATION_LEVELS,
  OBJECT_KINDS,
  SIGNATURE_KINDS,
  SUB_INDICATIONS,
  VERDICTS,
} from '../../../verification/codes';
import { size } from './common';

/** 免登录文档验证 and its report. */

/** `POST /v1/verify/uploads` (no login): a presigned upload for a file too large to post inline. */
export const CreateVerifyUploadRequest = z.object({ size });
export type CreateVerifyUploadRequest = z.infer<typeof CreateVerifyUploadRequest>;

export const VerifyUploadedRequest = z.object({ documentId: id });
export const ReportIdParams = z.object({ reportId: z.string().check(z.maxLength(64)) });
export type ReportIdParams = z.infer<typeof ReportIdParams>;
export type VerifyUploadedRequest = z.infer<typeof VerifyUploadedRequest>;

const verdict = z.enum(VERDICTS);
const indication = z.enum(INDICATIONS);
const subIndication = z.nullable(z.enum(SUB_INDICATIONS));
const nullableString = z.nullable(z.string());

/** Why a signature did not pass: the engine's code, its ETSI status, and the code in Chinese. */
export const VerificationFinding = z.object({
  code: z.enum(FINDING_CODES),
  indication: z.enum(['INDETERMINATE', 'TOTAL_FAILED']),
  subIndication: z.enum(SUB_INDICATIONS),
  message: z.string(),
});
export type VerificationFinding = z.infer<typeof VerificationFinding>;

/** One change a later revision made, judged by what the changed object is. */
export const VerificationModification = z.object({
  /** 1-based revision that made it. */
  revision: z.number(),
  level: z.enum(MODIFICATION_LEVELS),
  code: z.enum(MODIFICATION_CODES),
  object: z.nullable(z.number()),
  kind: z.nullable(z.enum(OBJECT_KINDS)),
  message: z.string(),
});
export type VerificationModification = z.infer<typeof VerificationModification>;

/**
 * One signature or document timestamp as the verifier found it (docs/verification-report.md),
 * worded in Chinese at the edge, plus who signed it according to the platform's records.
 */
export const VerifiedSignature = z.object({
  fieldName: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  subFilter: nullableString,
  indication,
  subIndication,
  verdict,
  /** Plain Chinese, most important first. */
  reasons: z.array(z.string()),
  findings: z.array(VerificationFinding),
  signer: z.object({
    name: nullableString,
    organization: nullableString,
    creditCode: nullableString,
    subject: nullableString,
    serialNumber: nullableString,
    /** The certificate's issuer (distinguished name) and validity, ISO times. */
    issuer: nullableString,
    notBefore: nullableString,
    notAfter: nullableString,
  }),
  /** `kind` is the platform's seal kind when the certificate's label is one of them, else null. */
  seal: z.object({ name: nullableString, kind: nullableString, kindLabel: nullableString }),
  signingTime: nullableString,
  timestamp: z.nullable(z.object({ time: z.string(), valid: z.boolean() })),
  algorithms: z.object({ digest: nullableString, signature: nullableString }),
  certificateStatus: z.enum(CERTIFICATE_STATUSES),
  integrity: z.enum(INTEGRITIES),
  coverage: z.enum(COVERAGES),
  coversWholeDocument: z.boolean(),
  modifiedAfter: z.enum(MODIFICATION_LEVELS),
  modifications: z.array(VerificationModification),
  revision: z.nullable(z.number()),
  certificationLevel: z.nullable(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  /** The platform's records of the seal, when the certificate is one the platform issued. */
  platform: z.nullable(
    z.object({
      companyId: z.string(),
      companyName: z.nullable(z.string()),
      sealId: z.string(),
      sealName: z.nullable(z.string()),
      sealKind: z.nullable(z.string()),
      /** The seal's state today (a seal revoked after signing leaves the signature valid). */
      sealStateNow: z.nullable(z.string()),
      certificateSerial: z.string(),
    }),
  ),
  /** The seal as an SVG image, for the UIs; null when the platform does not know the seal. */
  sealImageSvg: z.nullable(z.string()),
});
export type VerifiedSignature = z.infer<typeof VerifiedSignature>;

export const VerificationResult = z.object({
  verdict,
  indication,
  subIndication,
  reasons: z.array(z.string()),
  /** The document's certification (DocMDP) by its first signature, when it has one. */
  certification: z.nullable(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), fieldName: z.string() })),
  signatures: z.array(VerifiedSignature),
  /** SHA-256 of the bytes verified, so a user can tell which file the report is about. */
  sha256: z.string(),
  size: z.number(),
  verifiedAt: z.string(),
  /** The downloadable report's id (`GET /v1/verify/reports/{reportId}`, PDF, kept a day). */
  reportId: z.optional(z.string()),
});
export type VerificationResult = z.infer<typeof VerificationResult>;
