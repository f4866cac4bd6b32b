/**
 * The codes of a verification report (docs/verification-report.md). The PDF engine returns exactly
 * these; the edge (API, CLI) words them with messages.ts. One list each: the DTO's enums and the
 * message tables are built from them, so a code without a message does not type-check.
 */

/** ETSI EN 319 102-1 main indications. */
export const INDICATIONS = ['TOTAL_PASSED', 'INDETERMINATE', 'TOTAL_FAILED'] as const;
export type Indication = (typeof INDICATIONS)[number];

/** ETSI EN 319 102-1 sub-indications the verifier gives. */
export const SUB_INDICATIONS = [
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'CHAIN_CONSTRAINTS_FAILURE',
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'SIG_CONSTRAINTS_FAILURE',
  'REVOKED_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'TIMESTAMP_ORDER_FAILURE',
  'NO_POE',
  'TRY_LATER',
] as const;
export type SubIndication = (typeof SUB_INDICATIONS)[number];

export const VERDICTS = ['valid', 'invalid', 'indeterminate'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const FINDING_CODES = [
  'BYTE_RANGE_INVALID',
  'CONTENTS_NOT_EXCLUDED',
  'SIGNATURE_DICTIONARY_UNLOCATABLE',
  'CONTENTS_EMPTY',
  'NOT_AT_REVISION_END',
  'SIGNATURE_SHARED',
  'CMS_UNREADABLE',
  'NOT_DETACHED',
  'SUBFILTER_UNSUPPORTED',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'SIGNER_CERTIFICATE_MISSING',
  'SIGNING_CERTIFICATE_MISMATCH',
  'SIGNING_CERTIFICATE_UNBOUND',
  'ALGORITHM_UNSUPPORTED',
  'WEAK_ALGORITHM',
  'TIMESTAMP_INVALID',
  'TIMESTAMP_UNTRUSTED',
  'TIMESTAMP_IN_FUTURE',
  'TIMESTAMP_CERTIFICATE_EXPIRED',
  'CHAIN_UNTRUSTED',
  'CHAIN_INVALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED',
  'REVOCATION_UNKNOWN',
  'REVOCATION_DATA_MISSING',
  'MODIFIED_AFTER_SIGNING',
  'DOCMDP_VIOLATION',
  'CERTIFICATION_NOT_FIRST',
  'UNVERIFIABLE',
  // OFD seal signatures (GB/T 38540): the seal inside the signature, and what the signature protects.
  'SEAL_SIGNER_NOT_LISTED',
  'SEAL_MAKER_SIGNATURE_INVALID',
  'SEAL_MAKER_UNTRUSTED',
  'SEAL_FILE_MISMATCH',
  'SEAL_NOT_VALID_AT_SIGNING_TIME',
  'STAMP_PAGE_NOT_FOUND',
  'FILES_NOT_PROTECTED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Ordered: each level allows everything before it. */
export const MODIFICATION_LEVELS = ['none', 'ltv_updates', 'signatures_only', 'form_filling', 'annotations', 'other'] as const;
export type ModificationLevel = (typeof MODIFICATION_LEVELS)[number];

export const MODIFICATION_CODES = [
  'SIGNATURE_ADDED',
  'DOCUMENT_TIMESTAMP_ADDED',
  'DSS_UPDATED',
  'INFO_UPDATED',
  'METADATA_UPDATED',
  'FORM_FIELD_FILLED',
  'ANNOTATION_ADDED',
  'ANNOTATION_CHANGED',
  'ANNOTATION_REMOVED',
  'UNUSED_OBJECT_ADDED',
  'OBJECT_CHANGED',
  'OBJECT_DELETED',
  'OBJECT_ADDED',
  'OBJECT_ALIASED',
  'DANGLING_REFERENCE_DEFINED',
  'CATALOG_REPLACED',
  'CATALOG_CHANGED',
  'CERTIFICATION_ADDED',
  'FIELD_ADDED',
  'FIELD_REMOVED',
  'WIDGET_ADDED',
  'SIGNATURE_CHANGED',
  'BYTES_AFTER_LAST_REVISION',
  'REVISIONS_UNREADABLE',
  'TOO_COMPLEX',
] as const;
export type ModificationCode = (typeof MODIFICATION_CODES)[number];

export const OBJECT_KINDS = [
  'catalog',
  'info',
  'metadata',
  'acroform',
  'field_list',
  'pages',
  'page',
  'content_stream',
  'form_xobject',
  'image',
  'font',
  'resources',
  'annotation',
  'annotation_list',
  'widget',
  'field',
  'signature_field',
  'signature',
  'document_timestamp',
  'dss',
  'object_stream',
  'xref_stream',
  'other',
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'expired', 'not_yet_valid', 'unknown_issuer', 'invalid_chain', 'revocation_unknown', 'missing'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const SIGNATURE_KINDS = ['signature', 'document_timestamp'] as const;
export const COVERAGES = ['whole_revision', 'partial', 'invalid'] as const;
export const INTEGRITIES = ['intact', 'broken'] as const;
export const CERTIFICATION_LEVELS = [1, 2, 3] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];
