import type { ModificationLevel, Verdict } from './report';

/** Ordered as pyHanko does: a later revision may only do what the policy's ceiling allows. */
export const MODIFICATION_ORDER: readonly ModificationLevel[] = ['none', 'signatures_only', 'other'];

export const maxLevel = (a: ModificationLevel, b: ModificationLevel): ModificationLevel =>
  MODIFICATION_ORDER.indexOf(a) >= MODIFICATION_ORDER.indexOf(b) ? a : b;

/** One finding about one signature, and how bad it is on its own. */
export interface Finding {
  verdict: Verdict;
  reason: string;
}

/** The platform's policy: the highest modification level that keeps a signature valid. */
export interface VerificationPolicy {
  allowedAfterSigning: ModificationLevel;
  /** Whether a signature without a valid platform timestamp can be valid (no: indeterminate). */
  requireTimestamp: boolean;
  /** Whether a certificate the platform did not issue makes a signature invalid or only indeterminate. */
  unknownIssuer: Verdict;
}

export const PLATFORM_POLICY: VerificationPolicy = Object.freeze({
  allowedAfterSigning: 'signatures_only',
  requireTimestamp: true,
  unknownIssuer: 'invalid',
});

const RANK: Record<Verdict, number> = { valid: 0, indeterminate: 1, invalid: 2 };

/** The bottom line: the worst finding wins; no findings means valid. */
export function combine(findings: Finding[]): { verdict: Verdict; reasons: string[] } {
  const sorted = [...findings].sort((x, y) => RANK[y.verdict] - RANK[x.verdict]);
  return { verdict: sorted[0]?.verdict ?? 'valid', reasons: sorted.map((f) => f.reason) };
}

export function worst(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (RANK[v] > RANK[w] ? v : w), 'valid');
}
