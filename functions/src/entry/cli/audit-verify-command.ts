import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AUDIT_BREAK_LABELS, AuditExport, type AuditBreakKind, type sealDto } from '@seal/shared';
import { formatBeijingDateTime } from '@seal/shared/time';
import { verifyAuditTrail, type ChainReport } from '../../domain/audit/verify-company-chain';
import { fromPem } from '../../engines/pki/pem';
import { EXIT, defaultTrustPaths } from './verify-command';

/** `seal audit verify --json` output. Raise the version on any incompatible change. */
export const AUDIT_REPORT_SCHEMA = { schema: 'seal-audit-verification', version: 1 } as const;
/** An export file larger than this is refused before it is read (a year of a busy company is far below it). */
export const AUDIT_EXPORT_MAX_BYTES = 512 * 1024 * 1024;

export interface AuditVerifyArgs {
  file: string;
  json: boolean;
  trust: string[];
}

/** Where the chain or a checkpoint breaks, with its meaning in Chinese. */
export interface AuditBreak {
  seq: number;
  problem: AuditBreakKind;
  message: string;
}

/**
 * `seal audit verify export.json` (decision 0226): the export's chain re-hashed, every checkpoint's
 * token checked against the platform root given with --trust (never against the certificates the
 * file carries), and where it breaks, in Chinese or as JSON. Exit 0 intact, 1 broken, 3 unreadable.
 */
export async function runAuditVerify(args: AuditVerifyArgs, out: (s: string) => void): Promise<number> {
  const trustFiles = args.trust.length ? args.trust : defaultTrustPaths().filter((f) => !f.endsWith('sm2-root.pem'));
  let trail: sealDto.AuditExport;
  let sha256: string;
  try {
    if (statSync(args.file).size > AUDIT_EXPORT_MAX_BYTES) return fail(args, out, 'AUDIT_EXPORT_TOO_LARGE', `文件超过${AUDIT_EXPORT_MAX_BYTES / 1024 / 1024}MB，请分时间段导出后分别校验`);
    const bytes = readFileSync(args.file);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed = AuditExport.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) return fail(args, out, 'AUDIT_EXPORT_UNREADABLE', '不是平台导出的审计记录文件');
    trail = parsed.data;
  } catch {
    return fail(args, out, 'AUDIT_EXPORT_UNREADABLE', `无法读取文件 ${args.file}`);
  }
  const trustedRoots = trustFiles.flatMap((f) => fromPem(readFileSync(f, 'utf8')));
  const report = await verifyAuditTrail(trail, trustedRoots);
  const breaks = breaksOf(report);
  if (args.json) {
    out(JSON.stringify({ ...AUDIT_REPORT_SCHEMA, file: basename(args.file), sha256, from: trail.from, to: trail.to, ...report, breaks }, null, 2));
  } else out(formatAuditReport(trail, report, breaks, trustFiles.length === 0));
  return report.intact ? EXIT.valid : EXIT.invalid;
}

export function breaksOf(report: ChainReport): AuditBreak[] {
  const found: AuditBreak[] = [];
  if (report.firstBreak) found.push({ seq: report.firstBreak.seq, problem: report.firstBreak.problem, message: AUDIT_BREAK_LABELS[report.firstBreak.problem] });
  const checkpoint = report.checkpoints.firstBreak;
  if (checkpoint) {
    const problem: AuditBreakKind = checkpoint.problem === 'hash_mismatch' ? 'checkpoint_hash_mismatch' : checkpoint.problem;
    found.push({ seq: checkpoint.seq, problem, message: `检查点：${AUDIT_BREAK_LABELS[problem]}` });
  }
  return found;
}

function formatAuditReport(trail: sealDto.AuditExport, report: ChainReport, breaks: AuditBreak[], noTrust: boolean): string {
  const lastSeq = report.head?.seq;
  const lines = [
    `审计记录校验结论：${report.intact ? '完整，未发现篡改' : '不完整，记录链已被改动'}`,
    `  企业统一社会信用代码：${trail.companyId}`,
    `  导出范围：${trail.from} 至 ${trail.to}（北京时间），导出时间：${formatBeijingDateTime(trail.exportedAt, { seconds: true })}`,
    `  记录：${report.events} 条${lastSeq ? `（序号 ${report.fromSeq}–${lastSeq}）` : ''}`,
    `  检查点：${report.checkpoints.count} 个${report.checkpoints.latest ? `，最新的在序号 ${report.checkpoints.latest.seq}，时间 ${formatBeijingDateTime(report.checkpoints.latest.at, { seconds: true })}` : ''}`,
    ...breaks.map((b) => `  断点：序号 ${b.seq}：${b.message}`),
  ];
  if (report.fromSeq > 1 && !report.anchored) lines.push(`  注意：序号 ${report.fromSeq} 之前没有可校验的检查点，本文件只能证明自身各条记录之间未被改动`);
  if (report.untimestamped > 0) lines.push(`  注意：最后 ${report.untimestamped} 条记录尚无检查点（尚未加盖时间戳）`);
  if (noTrust) lines.push('  注意：未找到平台根证书（.data/pki/platform-root.pem），检查点无法校验，请用 --trust 指定');
  return lines.join('\n');
}

function fail(args: AuditVerifyArgs, out: (s: string) => void, code: string, message: string): number {
  out(args.json ? JSON.stringify({ ...AUDIT_REPORT_SCHEMA, file: basename(args.file), intact: false, error: { code, message } }, null, 2) : `无法校验：${message}`);
  return EXIT.unreadable;
}
