import type { documentDto } from '@seal/shared';

/** The verification report as `routes.verifyDocument` answers it (`documentDto.VerificationResult`). */
export type VerificationReportView = documentDto.VerificationResult;
export type SignatureReportView = documentDto.VerifiedSignature;
export type Verdict = VerificationReportView['verdict'];

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
export const SIGNATURE_VERDICT_LABELS: Record<Verdict, string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };
const MODIFIED_AFTER_LABELS: Record<string, string> = {
  none: '签章后文档未被修改',
  signatures_only: '签章后仅追加了其他签章',
  other: '签章后文档内容被修改',
};
export const modifiedAfterLabel = (level: string) => MODIFIED_AFTER_LABELS[level] ?? level;
