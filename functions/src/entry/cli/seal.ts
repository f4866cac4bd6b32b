import { EXIT, runVerify, type VerifyArgs } from './verify-command';
import { runAuditVerify } from './audit-verify-command';

const USAGE = `用法：
  seal verify FILE.pdf|FILE.ofd [--json] [--trust ROOT.pem]   验证 PDF 或 OFD 中的电子签章
  seal audit verify EXPORT.json [--json] [--trust ROOT.pem]   离线校验导出的审计记录（哈希链、检查点时间戳）
  seal demo --out DIR [--port N] [--format ofd] [--serve]  本地演示：领取印章、签章、验证，写出 signed.pdf（或 signed.ofd）等；--serve 之后平台继续运行（供 pdfsig 查询 OCSP）
退出码：0 有效（审计记录：完整），1 无效（审计记录：被改动），2 无法确认，3 无法读取`;

/** Parses argv (without node and script) into a command; null when it cannot. */
export function parseArgs(argv: string[]): { command: 'verify' | 'audit-verify'; args: VerifyArgs } | null {
  if (argv[0] === 'audit' && argv[1] === 'verify') {
    const parsed = parseArgs(argv.slice(1));
    return parsed && { command: 'audit-verify', args: parsed.args };
  }
  const [command, ...rest] = argv;
  if (command !== 'verify') return null;
  const args: VerifyArgs = { file: '', json: false, trust: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--trust' && rest[i + 1]) args.trust.push(rest[++i]!);
    else if (a.startsWith('--trust=')) args.trust.push(a.slice('--trust='.length));
    else if (!a.startsWith('--') && !args.file) args.file = a;
    else return null;
  }
  return args.file ? { command: 'verify', args } : null;
}

/**
 * A command that lives outside production sources (`seal demo` runs the local stack from
 * functions/dev): the bin script hands it in, so this module never imports dev code.
 */
export type ExtraCommand = (argv: string[], out: (s: string) => void) => Promise<number | null>;

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  extra: Record<string, ExtraCommand> = {},
): Promise<number> {
  const command = argv[0] ? extra[argv[0]] : undefined;
  if (command) {
    const code = await command(argv.slice(1), out);
    if (code !== null) return code;
  }
  const parsed = parseArgs(argv);
  if (!parsed) {
    out(USAGE);
    return EXIT.unreadable;
  }
  return parsed.command === 'audit-verify' ? runAuditVerify(parsed.args, out) : runVerify(parsed.args, out);
}

/** Runs and exits with the verdict's status (3 on an internal error). */
export function run(argv: string[], extra: Record<string, ExtraCommand> = {}): void {
  main(argv, undefined, extra).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(3);
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
