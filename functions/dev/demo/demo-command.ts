import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startLocalStack } from '../local/stack';
import { getServices } from '../../src/composition';
import { runDemoScenario, runOfdDemoScenario } from './run-scenario';

export interface DemoArgs {
  out: string;
  /** pdf: two seals on a three-page PDF; ofd: an SM2 seal on an OFD. */
  format: 'pdf' | 'ofd';
  /** First of four consecutive ports (API, DynamoDB, S3, KMS); 0 picks free ones. */
  port: number;
  /**
   * Keep the platform running after the scenario, until SIGINT or SIGTERM: the certificates name its
   * OCSP responder, which validators such as pdfsig ask (decision 0190).
   */
  serve: boolean;
}

/**
 * `seal demo --out DIR [--format ofd] [--serve]`: the whole platform on this machine for one
 * scenario (temp data dir, in-memory DynamoDB), stopped afterwards. Writes DIR/signed.pdf and
 * DIR/platform-root.pem (or, for OFD, DIR/signed.ofd and DIR/platform-sm2-root.pem) and
 * DIR/report.json. Exit 0 when the report says valid. With `--serve` the platform stays up until
 * interrupted, so validators reach the OCSP responder and CRL its certificates name.
 */
export async function runDemo(args: DemoArgs, out: (s: string) => void): Promise<number> {
  const dir = resolve(args.out);
  mkdirSync(dir, { recursive: true });
  if (needsFullTsx()) return rerunUnderTsx(args);
  const dataDir = mkdtempSync(join(tmpdir(), 'seal-demo-'));
  const p = args.port;
  out('启动本地平台（DynamoDB Local、S3、KMS、API）…');
  const stack = await startLocalStack({
    port: p,
    dynamoPort: p && p + 1,
    s3Port: p && p + 2,
    kmsPort: p && p + 3,
    dataDir,
    inMemoryDb: true,
  });
  try {
    const ofd = args.format === 'ofd';
    const result = await (ofd ? runOfdDemoScenario : runDemoScenario)(getServices(), dataDir, stack.url, out);
    const [signedName, rootName] = ofd ? ['signed.ofd', 'platform-sm2-root.pem'] : ['signed.pdf', 'platform-root.pem'];
    writeFileSync(join(dir, signedName), result.signed);
    writeFileSync(join(dir, rootName), result.rootPem);
    writeFileSync(join(dir, 'report.json'), JSON.stringify(result.report, null, 2) + '\n');
    out(`已写入 ${join(dir, signedName)}、${rootName}、report.json`);
    if (args.serve) {
      out(`平台继续运行于 ${stack.url}（证书中的 OCSP 与 CRL 地址可访问），按 Ctrl+C 停止`);
      await new Promise<void>((stop) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => stop())));
    }
    return (result.report as { verdict?: string }).verdict === 'valid' ? 0 : 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `bin/seal.js` runs through tsx's CommonJS hook only, but the local stack loads its handlers with
 * `import()`, which needs tsx's ESM support as well (tsx 4's `esm/api` cannot be registered from
 * CommonJS). So the demo runs itself once more under the full tsx CLI, with request logs quiet.
 * Jest transforms `import()` itself: no re-run there.
 */
function needsFullTsx(): boolean {
  return !process.env.JEST_WORKER_ID && !process.env.SEAL_DEMO_UNDER_TSX;
}

function rerunUnderTsx(args: DemoArgs): Promise<number> {
  const cli = require.resolve('tsx/cli');
  const argv = ['demo', '--out', args.out, '--port', String(args.port), '--format', args.format, ...(args.serve ? ['--serve'] : [])];
  const child = spawn(process.execPath, [cli, join(__dirname, '..', '..', 'bin', 'seal.js'), ...argv], {
    stdio: 'inherit',
    env: {
      ...process.env,
      SEAL_DEMO_UNDER_TSX: '1',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  // Ctrl+C reaches the whole group; a SIGTERM to this process alone is passed on, so the platform stops too.
  const forward = () => child.kill('SIGTERM');
  process.on('SIGTERM', forward);
  process.on('SIGINT', () => undefined);
  return new Promise((done) =>
    child.on('exit', (code) => {
      process.off('SIGTERM', forward);
      done(code ?? 3);
    }),
  );
}

/** `--out DIR [--port N] [--format pdf|ofd] [--serve]`; null when the arguments are not understood. */
export function parseDemoArgs(rest: string[]): DemoArgs | null {
  const args: DemoArgs = { out: '', port: 0, format: 'pdf', serve: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--serve') {
      args.serve = true;
      continue;
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
    if (a === '--out' || a.startsWith('--out=')) args.out = value ?? '';
    else if (a === '--port' || a.startsWith('--port=')) args.port = Number(value);
    else if ((a === '--format' || a.startsWith('--format=')) && (value === 'pdf' || value === 'ofd')) args.format = value;
    else return null;
  }
  return args.out && Number.isInteger(args.port) && args.port >= 0 && args.port < 65533 ? args : null;
}
