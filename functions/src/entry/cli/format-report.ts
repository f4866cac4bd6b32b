import type { SignatureReport, VerificationReport } from '../../engines/pdf/verify';

const VERDICT: Record<string, string> = { valid: '有效', invalid: '无效', indeterminate: '无法确认' };
const CERT: Record<string, string> = {
  valid: '有效',
  revoked: '已吊销',
  expired: '已过期',
  not_yet_valid: '尚未生效',
  unknown_issuer: '未知签发者（非本平台证书）',
  invalid_chain: '证书链无效',
  revocation_unknown: '吊销状态未知',
  missing: '缺少证书',
};
const MODIFIED: Record<string, string> = { none: '无', signatures_only: '仅追加签章', other: '有其他修改' };

/** The human report, in Chinese. */
export function formatReport(report: VerificationReport, noTrust: boolean): string {
  const lines = [`验证结论：${VERDICT[report.verdict]}`, ...report.reasons.map((r) => `  ${r}`)];
  if (noTrust) lines.push('  注意：未找到平台根证书（.data/pki/platform-root.pem），请用 --trust 指定');
  report.signatures.forEach((s, i) => lines.push('', ...signatureLines(s, i + 1)));
  return lines.join('\n');
}

function signatureLines(s: SignatureReport, n: number): string[] {
  return [
    `签章 ${n}（${s.fieldName}）：${VERDICT[s.verdict]}`,
    `  单位：${s.signer.organization ?? '未知'}  统一社会信用代码：${s.signer.creditCode ?? '未知'}`,
    `  印章：${s.seal.name ?? '未知'}  签章人：${s.signer.name ?? '未知'}`,
    `  签章时间：${s.signingTime ?? '未知'}${s.timestamp ? (s.timestamp.valid ? '（可信时间戳）' : '（时间戳无效）') : '（无时间戳）'}`,
    `  证书状态：${CERT[s.certificateStatus] ?? s.certificateStatus}`,
    `  内容完整：${s.integrity === 'intact' ? '是' : '否'}  覆盖范围：${s.coverage === 'whole_revision' ? '完整版本' : s.coverage === 'partial' ? '部分' : '无效'}  签章后修改：${MODIFIED[s.modifiedAfter]}`,
    ...s.reasons.map((r) => `  - ${r}`),
  ];
}
