import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { independentlyValid, independentVerdicts } from '../../functions/test-support/gm/ofd-independent';
import { GmOpenssl } from '../../functions/test-support/gm/openssl';

/**
 * Interoperability acceptance: `seal demo` signs a three-page Chinese contract twice on the local
 * stack; independent validators must accept the result with nothing but the platform root:
 * poppler's pdfsig (with the root in a fresh NSS database, asking the demo's OCSP responder while
 * it runs) and `openssl cms -verify`.
 * Ports 19600-19603 (the documents area's range).
 */
const root = path.resolve(__dirname, '../..');
let dir: string;
let signed: Buffer;
let demo: ChildProcess | undefined;

/** Runs the CLI as a user does (`npx seal …`): a plain process, not a Jest worker. */
function seal(...args: string[]) {
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  return spawnSync(process.execPath, [path.join(root, 'functions/bin/seal.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 170_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'seal-interop-demo-'));
  // As a user runs it (`npx seal demo --serve`): a plain process, not a Jest worker. It keeps the
  // platform up after signing, because the certificates name its OCSP responder, which pdfsig asks.
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  const child = spawn(process.execPath, [path.join(root, 'functions/bin/seal.js'), 'demo', '--out', dir, '--port', '19600', '--serve'], { cwd: root, env });
  demo = child;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('平台继续运行于')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`seal demo exited ${code}:\n${output}`)));
  });
  signed = readFileSync(path.join(dir, 'signed.pdf'));
  mkdirSync(path.join(dir, 'nss'));
  const db = `sql:${path.join(dir, 'nss')}`;
  execFileSync('certutil', ['-N', '--empty-password', '-d', db]);
  execFileSync('certutil', ['-A', '-n', 'platform-root', '-t', 'CT,C,C', '-i', path.join(dir, 'platform-root.pem'), '-d', db]);
}, 180_000);
afterAll(async () => {
  // The demo stops its platform on SIGTERM and exits with the report's verdict (0: valid).
  if (demo && demo.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => demo!.once('exit', resolve));
    demo.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Each signature's /ByteRange and /Contents, read straight from the bytes (no code of ours). */
function signaturesOf(pdf: Buffer): { ranges: number[]; cms: Buffer }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const ranges = m.slice(1, 5).map(Number);
    const [a, b, c] = ranges as [number, number, number, number];
    const hex = text.slice(a + b, c).replace(/[<>\s]/g, '');
    return { ranges, cms: derPrefix(Buffer.from(hex, 'hex')) };
  });
}

/** The DER SEQUENCE at the start of the zero-padded /Contents, by its own length. */
function derPrefix(padded: Buffer): Buffer {
  const first = padded[1]!;
  if (first < 0x80) return padded.subarray(0, 2 + first);
  const n = first & 0x7f;
  const length = [...padded.subarray(2, 2 + n)].reduce((acc, b) => acc * 256 + b, 0);
  return padded.subarray(0, 2 + n + length);
}

describe('seal demo output', () => {
  it('poppler pdfsig: both signatures valid and trusted (NSS asks the demo platform’s OCSP responder); only the PAdES B-LT DSS follows the last', async () => {
    const out = await new Promise<string>((resolve) =>
      execFile('pdfsig', ['-nssdir', `sql:${path.join(dir, 'nss')}`, path.join(dir, 'signed.pdf')], { encoding: 'utf8' }, (_error, stdout) => resolve(stdout)),
    );
    const blocks = out.split(/Signature #\d+:/).slice(1);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block).toContain('Signature is Valid.');
      expect(block).toContain('Certificate is Trusted.');
    }
    // B-LT (the default level, decision 0111): the DSS is an update after the last signature.
    expect(blocks[1]).toContain('Not total document signed');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).signatures[1].modifiedAfter).toBe('ltv_updates');
  });

  it('openssl cms -verify accepts each embedded CMS over its signed bytes', () => {
    const signatures = signaturesOf(signed);
    expect(signatures).toHaveLength(2);
    signatures.forEach(({ ranges, cms }, i) => {
      const [a, b, c, d] = ranges as [number, number, number, number];
      writeFileSync(path.join(dir, `sig${i}.der`), cms);
      writeFileSync(path.join(dir, `content${i}.bin`), Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]));
      const r = spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          path.join(dir, `sig${i}.der`),
          '-content',
          path.join(dir, `content${i}.bin`),
          '-CAfile',
          path.join(dir, 'platform-root.pem'),
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toContain('Verification successful');
    });
  });

  it('report.json says valid, naming the company and both seals', () => {
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s: { verdict: string; platform: { sealKind: string } }) => [s.verdict, s.platform.sealKind])).toEqual([
      ['valid', 'company_name'],
      ['valid', 'legal_representative_name'],
    ]);
    expect(report.signatures[0].platform.companyName).toBe('深圳市南山新创电子有限公司');
  });
});

describe('seal demo --format ofd', () => {
  let ofdDir: string;
  let openssl: GmOpenssl;
  beforeAll(() => {
    ofdDir = mkdtempSync(path.join(tmpdir(), 'seal-interop-demo-ofd-'));
    openssl = new GmOpenssl();
    const run = seal('demo', '--format', 'ofd', '--out', ofdDir, '--port', '0');
    if (run.status !== 0) throw new Error(`seal demo --format ofd exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  }, 180_000);
  afterAll(() => {
    openssl?.dispose();
    if (ofdDir) rmSync(ofdDir, { recursive: true, force: true });
  });

  it('seals an OFD with an SM2 seal that OpenSSL alone accepts: every file digest, the SM2 signature over TBS_Sign, the seal maker', () => {
    const verdicts = independentVerdicts(openssl, readFileSync(path.join(ofdDir, 'signed.ofd')));
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ dataHash: true, signature: true, sealMaker: true, sealFile: true });
    expect(independentlyValid(verdicts[0]!)).toBe(true);
  });

  it('report.json and `seal verify signed.ofd` say valid, with the SM2 timestamp as the signing time', () => {
    const report = JSON.parse(readFileSync(path.join(ofdDir, 'report.json'), 'utf8'));
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({ subFilter: 'GB/T 38540 SES_Signature v4', timestamp: { valid: true }, platform: { sealKind: 'contract' } });
    const verified = seal('verify', path.join(ofdDir, 'signed.ofd'), '--json', '--trust', path.join(ofdDir, 'platform-sm2-root.pem'));
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ verdict: 'valid', signatures: [{ indication: 'TOTAL_PASSED', timestamp: { valid: true } }] });
  });
});
