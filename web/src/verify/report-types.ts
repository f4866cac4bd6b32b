/**
 * The verification report as `POST /v1/verify` returns it: the PDF engine's report
 * (functions/src/pdf/verify/report.ts) plus, per signature, the company and seal the platform
 * knows and the seal's image. Written here until `shared/src/api/dto/documents.ts` exports it.
 */
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

export interface SignatureReportView {
  fieldName: string;
  verdict: Verdict;
  reasons: string[];
  signer: { name: string | null; organization: string | null; creditCode: string | null };
  seal: { name: string | null; kind: string | null };
  signingTime: string | null;
  timestamp: { time: string; valid: boolean } | null;
  certificateStatus: string;
  integrity: 'intact' | 'broken';
  coverage: string;
  modifiedAfter: 'none' | 'signatures_only' | 'other';
  modifications: string[];
  revision: number | null;
  company?: { companyId?: string; name?: string } | null;
  sealImageSvg?: string | null;
}

export interface VerificationReportView {
  verdict: Verdict;
  reasons: string[];
  signatures: SignatureReportView[];
}

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
export const SIGNATURE_VERDICT_LABELS: Record<Verdict, string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };
export const MODIFIED_AFTER_LABELS: Record<SignatureReportView['modifiedAfter'], string> = {
  none: '签章后文档未被修改',
  signatures_only: '签章后仅追加了其他签章',
  other: '签章后文档内容被修改',
};
