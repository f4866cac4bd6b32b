import { request } from '../platform';

// The report of POST /v1/verify: the shared DTO's type only (a type import adds no zod to the
// weapp bundle).
import type { VerificationResult } from '@seal/shared/src/api/dto/documents';

export type VerificationReport = VerificationResult;
export type Verdict = VerificationResult['verdict'];

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
