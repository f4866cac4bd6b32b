import {
  CERTIFICATE_STATUS_LABELS,
  INDICATION_LABELS,
  MODIFICATION_LEVEL_LABELS,
  SUB_INDICATION_LABELS,
  VERDICT_LABELS,
  beijingTime,
  type wordReport,
} from '@seal/shared';
import type { SignatureReport } from '../../engines/pdf/verify';

type WordedReport = ReturnType<typeof wordReport<SignatureReport>>;
type WordedSignature = WordedReport['signatures'][number];

/** The human report, in Chinese, from the worded report (codes and their messages). */
export function formatReport(report: WordedReport, noTrust: boolean): string {
  const lines = [`验证结论：${VERDICT_LABELS[report.verdict]}（${status(report.indication, report.subIndication)}）`, ...report.reasons.map((r) => `  ${r}`)];
  if (noTrust) lines.push('  注意：未找到平台根证书（.data/pki/platform-root.pem），请用 --trust 指定');
  report.signatures.forEach((s, i) => lines.push('', ...signatureLines(s, i + 1)));
  return lines.join('\n');
}

const status = (indication: WordedReport['indication'], sub: WordedReport['subIndication']): string =>
  `${indication}${sub ? ` / ${sub}` : ''}：${INDICATION_LABELS[indication]}${sub ? `，${SUB_INDICATION_LABELS[sub]}` : ''}`;

function signatureLines(s: WordedSignature, n: number): string[] {
  const what = s.kind === 'document_timestamp' ? '文档时间戳' : '签章';
  return [
    `${what} ${n}（${s.fieldName}，${s.subFilter ?? '未知格式'}）：${VERDICT_LABELS[s.verdict]}（${status(s.indication, s.subIndication)}）`,
    `  单位：${s.signer.organization ?? '未知'}  统一社会信用代码：${s.signer.creditCode ?? '未知'}`,
    `  印章：${s.seal.name ?? '未知'}  签章人：${s.signer.name ?? '未知'}`,
    `  签章时间：${beijingTime(s.signingTime)}（北京时间）${s.timestamp ? (s.timestamp.valid ? '（可信时间戳）' : '（时间戳无效）') : '（无时间戳）'}`,
    `  算法：${s.algorithms.digest ?? '未知'} / ${s.algorithms.signature ?? '未知'}  证书状态：${CERTIFICATE_STATUS_LABELS[s.certificateStatus]}`,
    `  内容完整：${s.integrity === 'intact' ? '是' : '否'}  覆盖范围：${s.coversWholeDocument ? '整个文档' : s.coverage === 'whole_revision' ? `第 ${s.revision} 版` : s.coverage === 'partial' ? '部分' : '无效'}  ${MODIFICATION_LEVEL_LABELS[s.modifiedAfter]}`,
    ...(s.certificationLevel ? [`  认证签章：P=${s.certificationLevel}`] : []),
    ...s.reasons.map((r) => `  - ${r}`),
  ];
}
