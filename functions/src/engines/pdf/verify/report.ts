/** What the verifier tells a user; built once and frozen. */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';
export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid' | 'unknown_issuer' | 'invalid_chain' | 'revocation_unknown' | 'missing';
export type Integrity = 'intact' | 'broken';
export type Coverage = 'whole_revision' | 'partial' | 'invalid';
export type ModificationLevel = 'none' | 'signatures_only' | 'other';

export interface SignatureReport {
  fieldName: string;
  verdict: Verdict;
  /** Plain Chinese, most important first. */
  reasons: string[];
  signer: { name: string | null; organization: string | null; creditCode: string | null };
  seal: { name: string | null; kind: string | null };
  /** ISO time: the timestamp's when it is valid, else the time the signer claimed. */
  signingTime: string | null;
  timestamp: { time: string; valid: boolean } | null;
  certificateStatus: CertificateStatus;
  integrity: Integrity;
  coverage: Coverage;
  modifiedAfter: ModificationLevel;
  modifications: string[];
  /** 1-based revision the signature covers. */
  revision: number | null;
}

export interface VerificationReport {
  verdict: Verdict;
  reasons: string[];
  signatures: SignatureReport[];
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
