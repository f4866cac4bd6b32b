import { request } from '../platform';

// The report of POST /v1/verify (the PDF engine's, plus the platform's company and seal per
// signature). Typed here until shared exports the documents DTO.
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

export interface SignatureReport {
  fieldName: string;
  verdict: Verdict;
  reasons: string[];
  signer: { name: string | null; organization: string | null; creditCode: string | null };
  seal: { name: string | null; kind: string | null };
  signingTime: string | null;
  company?: { companyId?: string; name?: string } | null;
}

export interface VerificationReport {
  verdict: Verdict;
  reasons: string[];
  signatures: SignatureReport[];
}

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
export const SIGNATURE_VERDICT_LABELS: Record<Verdict, string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };

/** 文档验证 (no login): the PDF itself is the body. */
export function verifyDocument(pdf: ArrayBuffer): Promise<VerificationReport> {
  return request<VerificationReport>({
    path: '/v1/verify',
    method: 'POST',
    body: pdf,
    headers: { 'Content-Type': 'application/pdf' },
  });
}
