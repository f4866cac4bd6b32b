import type { CertificationLevel, Finding, Indication, ModificationLevel, SubIndication } from './report';

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

/** The bottom line: the worst finding wins (the first of its kind gives the sub-indication); none means passed. */
export function bottomLine(findings: readonly Finding[]): { indication: Indication; subIndication: SubIndication | null } {
  let worst: Finding | undefined;
  for (const f of findings) if (!worst || SEVERITY[f.indication] > SEVERITY[worst.indication]) worst = f;
  return worst ? { indication: worst.indication, subIndication: worst.subIndication } : { indication: 'TOTAL_PASSED', subIndication: null };
}

/** Findings ordered worst first, keeping their order within an indication. */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY[b.indication] - SEVERITY[a.indication]);
}

export function worstOf(items: readonly { indication: Indication; subIndication: SubIndication | null }[]): { indication: Indication; subIndication: SubIndication | null } {
  let worst: { indication: Indication; subIndication: SubIndication | null } = { indication: 'TOTAL_PASSED', subIndication: null };
  for (const i of items) if (SEVERITY[i.indication] > SEVERITY[worst.indication]) worst = i;
  return worst;
}
