import { documentDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';

/** The report of 文档验证 (`routes.verifyDocument`). */
export type VerificationReport = documentDto.VerificationResult;
export type Verdict = VerificationReport['verdict'];

/** A PDF posted to the API for verification: at most the API's inline body limit (4 MB). */
export const MAX_VERIFY_BYTES = documentDto.MAX_INLINE_VERIFY_BYTES;

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
export const SIGNATURE_VERDICT_LABELS: Record<Verdict, string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };

/** 文档验证 (no login): the PDF itself is the body. */
export function verifyDocument(pdf: ArrayBuffer): Promise<VerificationReport> {
  return call(routes.verifyDocument, { body: { bytes: pdf, contentType: 'application/pdf' } });
}
