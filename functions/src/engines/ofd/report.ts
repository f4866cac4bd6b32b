import type { Box } from './document';
import type { SignatureOutcome, ValidityOutcome } from '../ses';
import type { OfdValidationData } from './validation-data';

/**
 * The verification report: codes and data only (the edge words them from shared/), with an
 * ETSI EN 319 102-1 style bottom line per signature, as the PDF report has.
 */
export type Indication = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

/** Problems that make a signature fail: something signed has changed, or a signature does not verify. */
export const FAILURES = [
  'REFERENCE_MISMATCH', // a protected file's SM3 differs from its CheckValue
  'REFERENCE_MISSING', // a protected file is gone
  'SIGNED_VALUE_MISSING', // SignedValue.dat is gone
  'SIGNED_VALUE_UNREADABLE', // SignedValue.dat is neither an SES_Signature nor an SM2 signature value
  'DATA_HASH_MISMATCH', // TBS_Sign.dataHash is not SM3(Signature.xml): Signature.xml changed after signing
  'SIGNATURE_INVALID', // the SM2 signature over TBS_Sign (or over Signature.xml) does not verify
  'SIGNER_NOT_IN_SEAL', // the signer's certificate is not one the seal lists
  'SEAL_MAKER_SIGNATURE_INVALID', // the seal maker's signature over the seal does not verify
  'SEAL_FILE_MISMATCH', // Seal.esl differs from the seal inside the signature
  'STAMP_PAGE_NOT_FOUND', // a stamp annotation names a page the document does not have
] as const;

/** Problems that leave the verdict open: something could not be checked, or held only outside its validity. */
export const INDETERMINATES = [
  'CHECK_METHOD_UNSUPPORTED', // references hashed with something other than SM3
  'SIGNATURE_ALGORITHM_UNSUPPORTED', // a signature or seal algorithm other than SM2-with-SM3
  'SIGNED_VALUE_FORMAT_UNSUPPORTED', // e.g. a CMS SignedData, not checked by this engine
  'NO_SIGNER_CERTIFICATE', // a bare signature value and no known certificate that verifies it
  'SIGNER_CERTIFICATE_UNREADABLE',
  'SEAL_MAKER_CERTIFICATE_UNREADABLE',
  'SEAL_NOT_VALID_AT_SIGNING_TIME', // signed before validStart or after validEnd of the seal
  'SIGNER_CERTIFICATE_NOT_VALID_AT_SIGNING_TIME',
] as const;

/** Worth showing, not a verdict: files in the package this signature does not protect. */
export const WARNINGS = ['UNPROTECTED_FILES'] as const;

export type OfdProblem = (typeof FAILURES)[number] | (typeof INDETERMINATES)[number] | (typeof WARNINGS)[number];

export interface OfdSignatureReport {
  /** ID in Signatures.xml. */
  id: string;
  /** "Seal" (电子签章) or "Sign" (数字签名). */
  type: string;
  /** Path of the Signature.xml. */
  path: string;
  format: 'ses-v4' | 'ses-v1' | 'sm2-signature-value' | 'cms' | 'unknown';
  indication: Indication;
  problems: OfdProblem[];
  references: { path: string; outcome: 'match' | 'mismatch' | 'missing' | 'unsupported-check-method' }[];
  /** The signature over TBS_Sign (a seal) or over Signature.xml (a bare signature value). */
  signatureValue: SignatureOutcome | 'no-signer-certificate' | 'not-checked';
  dataHash?: 'match' | 'mismatch';
  signingTime?: Date;
  signatureDateTime: string;
  signerCertificate?: Uint8Array;
  signerListedInSeal?: boolean;
  signerCertificateValidity?: ValidityOutcome;
  seal?: {
    version: 1 | 4;
    esId: string;
    name: string;
    vid: string;
    validStart: Date;
    validEnd: Date;
    makerCertificate: Uint8Array;
    makerSignature: SignatureOutcome;
    makerSignedOver?: 'seal-info' | 'seal-info-cert-algorithm';
    validityAtSigning: ValidityOutcome;
    /** Seal.esl, when the description names one, equals the seal inside the signature. */
    matchesSealFile?: boolean;
  };
  /** The signer's SM2 signature value (what the timestamp covers). */
  signatureBytes?: Uint8Array;
  /** GB/T 38540's optional timestamp token over the signature value (DER). */
  timeStamp?: Uint8Array;
  /** The certificates, CRLs and OCSP answers kept beside the signature (decision 0195), when there are any. */
  validationData?: OfdValidationData;
  stamps: { id: string; pageRef: string; pageIndex?: number; boundary: Box; clip?: Box }[];
  /** Package files the signature does not protect, other than signature bookkeeping (Signatures.xml, its own and later signatures' files). */
  unprotectedFiles: string[];
}

export interface OfdVerificationReport {
  indication: Indication;
  signatures: OfdSignatureReport[];
}

export function indicationOf(problems: readonly OfdProblem[]): Indication {
  if (problems.some((p) => (FAILURES as readonly string[]).includes(p))) return 'TOTAL_FAILED';
  if (problems.some((p) => (INDETERMINATES as readonly string[]).includes(p))) return 'INDETERMINATE';
  return 'TOTAL_PASSED';
}

export function worst(indications: Indication[]): Indication {
  if (indications.includes('TOTAL_FAILED')) return 'TOTAL_FAILED';
  if (indications.includes('INDETERMINATE') || indications.length === 0) return 'INDETERMINATE';
  return 'TOTAL_PASSED';
}
