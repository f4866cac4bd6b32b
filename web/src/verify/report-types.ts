import { MODIFICATION_LEVEL_LABELS, type documentDto, type ModificationLevel } from '@seal/shared';

/** The verification report as `routes.verifyDocument` answers it (`documentDto.VerificationResult`). */
export type VerificationReportView = documentDto.VerificationResult;
export type SignatureReportView = documentDto.VerifiedSignature;
export type Verdict = VerificationReportView['verdict'];

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
export const SIGNATURE_VERDICT_LABELS: Record<Verdict, string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };
export const modifiedAfterLabel = (level: ModificationLevel) => MODIFICATION_LEVEL_LABELS[level];
