import { randomBytes } from 'node:crypto';
import {
  CERTIFICATION_LEVEL_LABELS,
  DomainError,
  MODIFICATION_LEVEL_LABELS,
  SUB_INDICATION_LABELS,
  documentDto,
  formatBeijingDateTime,
} from '@seal/shared';
import { renderFormDocument, GREY, BLACK } from '../../engines/forms/render-application-form';
import type { FormContent, FormRow } from '../../engines/forms/form-layout';
import type { Ports } from '../../ports';

/**
 * 验证报告 (PDF): what a verification found, kept for a day so the person who verified can download
 * it (a phone opens it with wx.downloadFile, which can only GET). The id is random (128 bits) and is
 * the only way to the report; the report holds no document bytes, only what the verifier said.
 * Stored under `verify/`, which the bucket expires after a day (infra data-store.ts).
 */
export const REPORT_PREFIX = 'verify/reports/';
const REPORT_ID = /^vr_[A-Za-z0-9_-]{22}$/;

type Result = documentDto.VerificationResult;

/** Keeps the report (without the seal images, which the PDF does not draw) and gives it its id. */
export async function keepVerificationReport(services: Pick<Ports, 'blobs'>, result: Omit<Result, 'reportId'>): Promise<Result> {
  const reportId = `vr_${randomBytes(16).toString('base64url')}`;
  const stored = { ...result, signatures: result.signatures.map((s) => ({ ...s, sealImageSvg: null })) };
  await services.blobs.put(`${REPORT_PREFIX}${reportId}.json`, JSON.stringify(stored), { contentType: 'application/json', ifNoneMatch: '*' });
  return { ...result, reportId };
}

/** The report as a PDF, for the one who has its id. */
export async function verificationReportPdf(services: Pick<Ports, 'blobs'>, reportId: string): Promise<{ pdf: Uint8Array; fileName: string }> {
  if (!REPORT_ID.test(reportId)) throw new DomainError('REPORT_NOT_FOUND');
  const bytes = await services.blobs.get(`${REPORT_PREFIX}${reportId}.json`);
  if (!bytes) throw new DomainError('REPORT_NOT_FOUND');
  const result = JSON.parse(Buffer.from(bytes).toString('utf8')) as Result;
  const content = reportContent(result, reportId);
  const pdf = await renderFormDocument(content, new Date(result.verifiedAt), {
    referenceLabel: '验证编号',
    lead(pen) {
      pen.text(`验证结论：${DOCUMENT_VERDICTS[result.verdict]}`, 56, pen.y, 16, BLACK);
      pen.y -= 24;
      for (const reason of result.reasons) pen.paragraph(reason, 11);
      pen.y -= 12;
    },
    closing(pen) {
      pen.newPageIfNeeded(60);
      pen.paragraph('本报告根据所验证文件的内容和深圳市统一电子印章平台的证书记录生成，时间均为北京时间。文件摘要可用于核对报告所对应的文件。', 9, GREY);
    },
  });
  return { pdf, fileName: `验证报告-${result.sha256.slice(0, 8)}.pdf` };
}

const DOCUMENT_VERDICTS: Record<Result['verdict'], string> = { valid: '文档有效', invalid: '文档无效', indeterminate: '无法确定' };
const SIGNATURE_VERDICTS: Record<Result['verdict'], string> = { valid: '签章有效', invalid: '签章无效', indeterminate: '无法确定' };
const time = (iso: string | null | undefined) => (iso ? `${formatBeijingDateTime(iso, { seconds: true })}（北京时间）` : '—');

/** The report in a reader's words: the file, then each signature's bottom line, certificate, times and later changes. */
export function reportContent(result: Result, reportId: string): FormContent {
  const file: FormRow[] = [
    ['文件摘要（SHA-256）', result.sha256],
    ['文件大小', `${result.size} 字节`],
    ['验证时间', time(result.verifiedAt)],
    ['签章数量', String(result.signatures.length)],
  ];
  if (result.certification) file.push(['文档认证', CERTIFICATION_LEVEL_LABELS[result.certification.level]]);
  return {
    title: '电子签章验证报告',
    reference: reportId,
    sections: [
      { heading: '所验证的文件', rows: file },
      ...result.signatures.map((s, i) => ({
        heading: `第 ${i + 1} 个${s.kind === 'document_timestamp' ? '文档时间戳' : '签章'}：${SIGNATURE_VERDICTS[s.verdict]}`,
        rows: signatureRows(s),
      })),
    ],
  };
}

function signatureRows(s: Result['signatures'][number]): FormRow[] {
  const why = [s.subIndication ? SUB_INDICATION_LABELS[s.subIndication] : null, ...s.reasons].filter((r): r is string => Boolean(r));
  const rows: FormRow[] = [
    // The reasons say the verdict in words already ("签章有效：自签章后…"); without them, the verdict.
    ['结论', why.length ? [...new Set(why)].join('；') : SIGNATURE_VERDICTS[s.verdict]],
    ['印章', s.platform?.sealName ?? s.seal.name ?? '—'],
    ['企业', [s.platform?.companyName ?? s.signer.organization, s.platform?.companyId ?? s.signer.creditCode].filter(Boolean).join(' ') || '—'],
    ['签章人', s.signer.name ?? '—'],
    ['证书主题', s.signer.subject ?? '—'],
    ['证书序列号', s.signer.serialNumber ?? '—'],
    ['证书颁发者', s.signer.issuer ?? '—'],
    ['证书有效期', s.signer.notBefore || s.signer.notAfter ? `${time(s.signer.notBefore)} 至 ${time(s.signer.notAfter)}` : '—'],
    ['签章时间', time(s.signingTime)],
    ['时间戳', s.timestamp ? `${time(s.timestamp.time)}（${s.timestamp.valid ? '有效' : '无效'}）` : '无'],
    ['签章后改动', s.integrity === 'broken' ? '签章覆盖的内容已被修改' : MODIFICATION_LEVEL_LABELS[s.modifiedAfter]],
  ];
  for (const m of s.modifications) rows.push([`第 ${m.revision} 版改动`, m.message]);
  if (s.algorithms.digest || s.algorithms.signature) rows.push(['算法', [s.algorithms.signature, s.algorithms.digest].filter(Boolean).join(' / ')]);
  return rows;
}
