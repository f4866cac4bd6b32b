/**
 * What the verifier says, as codes (docs/verification-report.md, decision 0061): the bottom line in
 * ETSI EN 319 102-1 indications and sub-indications, each finding and each modification after
 * signing as a stable code. No text for people here: the edge words the codes from shared/.
 */

/** ETSI EN 319 102-1 §5.1.3 main status indications. */
export type Indication = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

/** ETSI EN 319 102-1 Table 5 sub-indications the verifier gives. */
export type SubIndication =
  // TOTAL_FAILED
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  // INDETERMINATE
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'REVOKED_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_POE'
  | 'TRY_LATER';

/** The simple verdict the apps show, one-to-one with the indication. */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';
export const VERDICT_OF: Record<Indication, Verdict> = { TOTAL_PASSED: 'valid', TOTAL_FAILED: 'invalid', INDETERMINATE: 'indeterminate' };

/** Why a signature is not TOTAL_PASSED: one code each, in the order they matter. */
export type FindingCode =
  | 'BYTE_RANGE_INVALID' // missing, malformed, overlapping, empty or past the end
  | 'CONTENTS_NOT_EXCLUDED' // the gap is not exactly this dictionary's /Contents (signature wrapping)
  | 'SIGNATURE_DICTIONARY_UNLOCATABLE' // a direct dictionary or one in an object stream: /Contents cannot be located
  | 'CONTENTS_EMPTY' // no signature value at all (universal signature forgery)
  | 'NOT_AT_REVISION_END' // the signed range does not end where a revision ends
  | 'SIGNATURE_SHARED' // the signature dictionary is also another field's value
  | 'CMS_UNREADABLE'
  | 'NOT_DETACHED' // ETSI.CAdES.detached / adbe.pkcs7.detached carrying content
  | 'SUBFILTER_UNSUPPORTED'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNER_CERTIFICATE_MISSING'
  | 'SIGNING_CERTIFICATE_MISMATCH' // ESS signing-certificate names another certificate
  | 'SIGNING_CERTIFICATE_UNBOUND' // CAdES without ESS signing-certificate(-v2)
  | 'ALGORITHM_UNSUPPORTED'
  | 'WEAK_ALGORITHM' // SHA-1, RSA under 2048 bits
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_UNTRUSTED'
  | 'TIMESTAMP_IN_FUTURE'
  | 'TIMESTAMP_CERTIFICATE_EXPIRED' // its TSA certificate has expired and no later document timestamp made before that proves it
  | 'CHAIN_UNTRUSTED' // no path to a trusted root
  | 'CHAIN_INVALID' // a path, but a link breaks a rule (not a CA, key usage, critical extension, too long)
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'REVOCATION_DATA_MISSING' // revoked or expired by now, and the document keeps no status from the signing time
  | 'MODIFIED_AFTER_SIGNING' // later revisions go beyond what the policy allows
  | 'DOCMDP_VIOLATION' // later revisions go beyond what the certification (P) allows
  | 'CERTIFICATION_NOT_FIRST'
  | 'UNVERIFIABLE' // a parser gave up on this signature's data
  // OFD seal signatures (GB/T 38540), from the OFD adapter:
  | 'SEAL_SIGNER_NOT_LISTED' // the signer's certificate is not one the seal lists
  | 'SEAL_MAKER_SIGNATURE_INVALID' // the seal maker's signature over the seal does not verify
  | 'SEAL_MAKER_UNTRUSTED' // the seal maker's certificate does not chain to a trusted root
  | 'SEAL_FILE_MISMATCH' // Seal.esl differs from the seal inside the signature
  | 'SEAL_NOT_VALID_AT_SIGNING_TIME' // signed outside the seal's validStart … validEnd
  | 'STAMP_PAGE_NOT_FOUND' // a stamp annotation names a page the document does not have
  | 'FILES_NOT_PROTECTED'; // package files the signature does not protect (they may have been added or changed since)

export interface Finding {
  code: FindingCode;
  indication: Exclude<Indication, 'TOTAL_PASSED'>;
  subIndication: SubIndication;
}

/** Ordered as pyHanko orders them; a policy or a certification allows up to one of these. */
export type ModificationLevel = 'none' | 'ltv_updates' | 'signatures_only' | 'form_filling' | 'annotations' | 'other';

/** What a changed, added or freed object is, judged by its content and where it is used. */
export type ObjectKind =
  | 'catalog'
  | 'info'
  | 'metadata'
  | 'acroform'
  | 'field_list'
  | 'pages'
  | 'page'
  | 'content_stream'
  | 'form_xobject'
  | 'image'
  | 'font'
  | 'resources'
  | 'annotation'
  | 'annotation_list'
  | 'widget'
  | 'field'
  | 'signature_field'
  | 'signature'
  | 'document_timestamp'
  | 'dss'
  | 'object_stream'
  | 'xref_stream'
  | 'other';

export type ModificationCode =
  // explained: allowed up to their level
  | 'SIGNATURE_ADDED'
  | 'DOCUMENT_TIMESTAMP_ADDED'
  | 'DSS_UPDATED'
  | 'INFO_UPDATED'
  | 'METADATA_UPDATED'
  | 'FORM_FIELD_FILLED'
  | 'ANNOTATION_ADDED'
  | 'ANNOTATION_CHANGED'
  | 'ANNOTATION_REMOVED'
  | 'UNUSED_OBJECT_ADDED'
  // other: never allowed
  | 'OBJECT_CHANGED' // a changed object no rule explains (page content, resources, fonts, …)
  | 'OBJECT_DELETED'
  | 'OBJECT_ADDED' // a new object in use that no rule explains
  | 'OBJECT_ALIASED' // an object changed as one thing (e.g. Info) is also used as another
  | 'DANGLING_REFERENCE_DEFINED' // the signed revision pointed at an undefined object; a later one defines it
  | 'CATALOG_REPLACED'
  | 'CATALOG_CHANGED'
  | 'CERTIFICATION_ADDED'
  | 'FIELD_ADDED' // a new field that is not a signature covered by a later signature
  | 'FIELD_REMOVED'
  | 'WIDGET_ADDED' // a widget that belongs to no new signature (overlay)
  | 'SIGNATURE_CHANGED' // a signed field or signature dictionary changed
  | 'BYTES_AFTER_LAST_REVISION'
  | 'REVISIONS_UNREADABLE' // the file's revisions could not be told apart
  | 'TOO_COMPLEX'; // more objects than the analysis budget

export interface Modification {
  /** 1-based revision that made the change. */
  revision: number;
  level: ModificationLevel;
  code: ModificationCode;
  object: number | null;
  kind: ObjectKind | null;
}

export type CertificateStatus =
  | 'valid'
  | 'revoked'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_issuer'
  | 'invalid_chain'
  | 'revocation_unknown'
  | 'missing';
export type Integrity = 'intact' | 'broken';
export type Coverage = 'whole_revision' | 'partial' | 'invalid';
export type SignatureKind = 'signature' | 'document_timestamp';
/** DocMDP /P: 1 no changes, 2 form filling and signatures, 3 also annotations. */
export type CertificationLevel = 1 | 2 | 3;

export interface SignatureReport {
  fieldName: string;
  kind: SignatureKind;
  /** /SubFilter as written: ETSI.CAdES.detached, adbe.pkcs7.detached, ETSI.RFC3161, … */
  subFilter: string | null;
  indication: Indication;
  subIndication: SubIndication | null;
  verdict: Verdict;
  findings: Finding[];
  signer: {
    name: string | null;
    organization: string | null;
    creditCode: string | null;
    subject: string | null;
    serialNumber: string | null;
    /** The certificate's issuer (distinguished name) and validity (ISO times). */
    issuer: string | null;
    notBefore: string | null;
    notAfter: string | null;
  };
  /** Seal fields of a platform certificate; `kindLabel` is the certificate's description (合同专用章, …). */
  seal: { name: string | null; kindLabel: string | null };
  /** ISO time: the timestamp's when it is valid, else the time the signer claimed. */
  signingTime: string | null;
  timestamp: { time: string; valid: boolean } | null;
  /** Digest and signature algorithms, e.g. sha256 and ecdsa-p256. */
  algorithms: { digest: string | null; signature: string | null };
  certificateStatus: CertificateStatus;
  integrity: Integrity;
  coverage: Coverage;
  /** The signed range covers the whole file. */
  coversWholeDocument: boolean;
  /** The highest level among the changes made after this signature's revision. */
  modifiedAfter: ModificationLevel;
  modifications: Modification[];
  /** 1-based revision the signature covers. */
  revision: number | null;
  /** Set on the certification (DocMDP) signature. */
  certificationLevel: CertificationLevel | null;
}

export interface VerificationReport {
  indication: Indication;
  subIndication: SubIndication | null;
  verdict: Verdict;
  /** The document's certification, when its first signature certifies it. */
  certification: { level: CertificationLevel; fieldName: string } | null;
  signatures: SignatureReport[];
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
