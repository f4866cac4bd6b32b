import type { CertificationLevel, Finding, FindingCode, Indication, ModificationLevel, SubIndication } from './report';

/** Ordered as pyHanko orders them: each level allows everything below it. */
export const MODIFICATION_ORDER: readonly ModificationLevel[] = ['none', 'ltv_updates', 'signatures_only', 'form_filling', 'annotations', 'other'];

const rank = (level: ModificationLevel): number => MODIFICATION_ORDER.indexOf(level);
export const maxLevel = (a: ModificationLevel, b: ModificationLevel): ModificationLevel => (rank(a) >= rank(b) ? a : b);
export const exceeds = (level: ModificationLevel, ceiling: ModificationLevel): boolean => rank(level) > rank(ceiling);

/**
 * What a certification allows after it (ISO 32000-2 §12.8.2.2, table 257). Validation data
 * (DSS, document timestamps) is allowed at every level, as PAdES (EN 319 142-1 §5.4) and pyHanko do.
 */
export const CERTIFICATION_CEILING: Record<CertificationLevel, ModificationLevel> = {
  1: 'ltv_updates',
  2: 'form_filling',
  3: 'annotations',
};

/** How the platform judges what a signature cannot prove by itself (docs/decisions/0060). */
export interface VerificationPolicy {
  /** The highest level of change after an approval signature of an uncertified document that keeps it valid. */
  allowedAfterSigning: ModificationLevel;
  /** Whether a signature without a valid timestamp can pass (no: indeterminate, NO_POE). */
  requireTimestamp: boolean;
}

export const PLATFORM_POLICY: VerificationPolicy = Object.freeze({
  allowedAfterSigning: 'signatures_only',
  requireTimestamp: false,
});

const SEVERITY: Record<Indication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/** The bottom line: the first of the findings ordered by worstFirst; none means passed. */
export function bottomLine(findings: readonly Finding[]): { indication: Indication; subIndication: SubIndication | null } {
  const [worst] = worstFirst(findings);
  return worst ? { indication: worst.indication, subIndication: worst.subIndication } : { indication: 'TOTAL_PASSED', subIndication: null };
}

/** Within an indication, what a reader needs to hear first: the bytes, the signer, then time and strength. */
const PRIORITY: readonly FindingCode[] = [
  'UNVERIFIABLE', 'BYTE_RANGE_INVALID', 'CONTENTS_NOT_EXCLUDED', 'SIGNATURE_DICTIONARY_UNLOCATABLE', 'CONTENTS_EMPTY', 'NOT_AT_REVISION_END',
  'SIGNATURE_SHARED', 'CMS_UNREADABLE', 'NOT_DETACHED', 'SUBFILTER_UNSUPPORTED', 'DIGEST_MISMATCH', 'SIGNATURE_INVALID',
  'SIGNING_CERTIFICATE_MISMATCH', 'MODIFIED_AFTER_SIGNING', 'DOCMDP_VIOLATION', 'SIGNER_CERTIFICATE_MISSING', 'CHAIN_UNTRUSTED',
  'CHAIN_INVALID', 'CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_NOT_YET_VALID', 'REVOCATION_UNKNOWN', 'REVOCATION_DATA_MISSING',
  'SIGNING_CERTIFICATE_UNBOUND', 'ALGORITHM_UNSUPPORTED', 'CERTIFICATION_NOT_FIRST', 'TIMESTAMP_INVALID', 'TIMESTAMP_UNTRUSTED',
  'TIMESTAMP_IN_FUTURE', 'WEAK_ALGORITHM',
  // OFD (the adapter orders its findings with this table too): the seal after the signature value, the signer and chain.
  'SEAL_FILE_MISMATCH', 'SEAL_MAKER_SIGNATURE_INVALID', 'SEAL_SIGNER_NOT_LISTED', 'STAMP_PAGE_NOT_FOUND', 'SEAL_MAKER_UNTRUSTED',
  'SEAL_NOT_VALID_AT_SIGNING_TIME', 'FILES_NOT_PROTECTED',
];

/** Findings ordered worst first, then by what matters most (the first gives the sub-indication). */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY[b.indication] - SEVERITY[a.indication] || PRIORITY.indexOf(a.code) - PRIORITY.indexOf(b.code));
}

export function worstOf(items: readonly { indication: Indication; subIndication: SubIndication | null }[]): { indication: Indication; subIndication: SubIndication | null } {
  let worst: { indication: Indication; subIndication: SubIndication | null } = { indication: 'TOTAL_PASSED', subIndication: null };
  for (const i of items) if (SEVERITY[i.indication] > SEVERITY[worst.indication]) worst = i;
  return worst;
}
