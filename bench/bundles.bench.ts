/**
 * Bundle size and cold-load time of every Lambda, bundled the way NodejsFunction bundles it
 * (infra/lib/bundling.ts), then `require`d in a fresh Node process several times; compared with
 * an empty bundle loaded the same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ROUTES } from '@seal/shared/api';
import { AUDIT_ARCHIVE_ENTRY, AUDIT_CHAIN_ENTRY, AUTHORIZER_ENTRY, BUNDLE_ALIASES, BUNDLE_OPTIONS, RENEWAL_JOB_ENTRY, authorizerDefine, handlerEntry } from '../infra/lib/bundling';

const OUT = join(__dirname, 'tmp', 'bundles');
const RESULTS = join(__dirname, 'results');
const RUNS = 5;
const SIZE_TARGET = 1024 * 1024;
const LOAD_TARGET_MS = 100;

interface BundleFigures {
  name: string;
  bytes: number;
  loadMs: number;
  vsEmpty: number;
  /** The largest packages in the bundle, minified bytes. */
  largest: { module: string; bytes: number }[];
  awsClients: string[];
  /** Heavy parts a function carries only when its code path needs them. */
  carries: { pdf: boolean; pki: boolean; font: boolean; s3: boolean };
}

async function bundle(name: string, entry: string, define?: Record<string, string>): Promise<{ file: string; bytes: number; metafile: Metafile }> {
  const file = join(OUT, name, 'index.js');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourceMap,
    format: BUNDLE_OPTIONS.format,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    charset: BUNDLE_OPTIONS.charset,
    legalComments: BUNDLE_OPTIONS.legalComments,
    alias: BUNDLE_ALIASES,
    ...(define ? { define } : {}),
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return { file, bytes: output.bytes, metafile: result.metafile };
}

/** Milliseconds `require(file)` takes in a fresh process. */
function loadOnce(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH, STAGE: 'local', AWS_REGION: 'cn-north-1' } });
  if (run.status !== 0) throw new Error(`${file}: ${run.stderr}`);
  return Number(run.stdout);
}

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;

/** Median load time of a bundle and of the empty bundle, runs interleaved so both see the same machine load. */
function loadTimes(file: string, emptyFile: string): { loadMs: number; emptyMs: number } {
  const mine: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(loadOnce(emptyFile));
    mine.push(loadOnce(file));
  }
  return { loadMs: median(mine), emptyMs: median(empty) };
}

function packagesOf(metafile: Metafile): { module: string; bytes: number }[] {
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0]!.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const path = input.replace(/^(\.\.\/)+/, '');
    // Our own code by layer, and engines and adapters one by one (functions/src/engines/pdf, ...).
    const key = match ? match[1]! : path.split('/').slice(0, /^functions\/src\/(engines|adapters)\//.test(path) ? 4 : 3).join('/');
    sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
  }
  return [...sizes].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function run(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'empty'), { recursive: true });
  writeFileSync(join(OUT, 'empty', 'entry.js'), 'exports.handler = async () => ({});\n');
  const entries: [string, string][] = [
    ...[...new Set(ROUTES.map((r) => r.handler))].sort().map((h): [string, string] => [h, handlerEntry(h)]),
    ['authorizer', AUTHORIZER_ENTRY],
    ['renewal-job', RENEWAL_JOB_ENTRY],
    ['audit-archive', AUDIT_ARCHIVE_ENTRY],
    ['audit-chain', AUDIT_CHAIN_ENTRY],
  ];
  const empty = await bundle('empty', join(OUT, 'empty', 'entry.js'));
  // The authorizer gets the route table's auth modes as a constant, as NodejsFunction gives it.
  const defineFor = (name: string) => (name === 'authorizer' ? authorizerDefine(ROUTES) : undefined);
  const built = await Promise.all(entries.map(async ([name, entry]) => ({ name, ...(await bundle(name, entry, defineFor(name))) })));
  const figures: BundleFigures[] = [];
  const baselines: number[] = [];
  for (const b of built) {
    const { loadMs, emptyMs } = loadTimes(b.file, empty.file);
    baselines.push(emptyMs);
    const packages = packagesOf(b.metafile);
    figures.push({
      name: b.name,
      bytes: b.bytes,
      loadMs,
      vsEmpty: Math.round((loadMs / Math.max(emptyMs, 0.01)) * 10) / 10,
      largest: packages.slice(0, 4),
      awsClients: packages.map((p) => p.module).filter((m) => /^@aws-sdk\/client-/.test(m)).sort(),
      carries: {
        pdf: packages.some((p) => /^(functions\/src\/engines\/pdf|pdf-lib)/.test(p.module)),
        pki: packages.some((p) => /^(functions\/src\/engines\/pki|pkijs|@peculiar\/asn1-)/.test(p.module)),
        font: packages.some((p) => /^(functions\/src\/engines\/fonts|fontkit)/.test(p.module)),
        s3: packages.some((p) => p.module === 'aws4fetch' || p.module === '@aws-sdk/client-s3'),
      },
    });
    process.stdout.write(`${b.name.padEnd(34)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB ${String(loadMs).padStart(7)} ms (empty ${emptyMs} ms)\n`);
  }
  const baseline = median(baselines);
  mkdirSync(RESULTS, { recursive: true });
  const meta = { node: process.version, platform: `${process.platform}-${process.arch}`, runs: RUNS, emptyBundleLoadMs: baseline, emptyBundleBytes: empty.bytes, date: new Date().toISOString() };
  writeFileSync(join(RESULTS, 'bundles.json'), `${JSON.stringify({ ...meta, bundles: figures }, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'bundles.md'), markdown(meta, figures));
}

function markdown(meta: { node: string; platform: string; runs: number; emptyBundleLoadMs: number; date: string }, figures: BundleFigures[]): string {
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const over = figures.filter((f) => f.bytes >= SIZE_TARGET || f.loadMs >= LOAD_TARGET_MS);
  const lines = [
    '# Lambda bundle sizes and load times',
    '',
    `Bundled like NodejsFunction (esbuild, ${BUNDLE_OPTIONS.target}, minified, CJS, AWS SDK bundled, the aliases of infra/lib/bundling.ts); load = median of ${meta.runs} fresh \`node -e "require(bundle)"\` runs, timed inside the process.`,
    `Node ${meta.node} on ${meta.platform}, ${meta.date}. Baseline (empty bundle, measured interleaved with each function; median over the run): ${meta.emptyBundleLoadMs} ms; \`× empty\` compares with the empty bundle measured alongside that function. Targets: < 1 MiB and < ${LOAD_TARGET_MS} ms per function.`,
    'Load times depend on the machine and its load: compare the × empty column across runs, not the milliseconds.',
    '',
    `${figures.length - over.length} of ${figures.length} functions meet both targets.`,
    '',
    '| function | minified | load ms | × empty | AWS SDK clients | PDF / PKI / font / S3 | largest parts |',
    '|---|---:|---:|---:|---|---|---|',
    ...figures.map((f) =>
      [
        f.name,
        `${kib(f.bytes)}${f.bytes >= SIZE_TARGET ? ' ⚠' : ''}`,
        `${f.loadMs}${f.loadMs >= LOAD_TARGET_MS ? ' ⚠' : ''}`,
        f.vsEmpty,
        f.awsClients.map((c) => c.replace('@aws-sdk/client-', '')).join(', '),
        (['pdf', 'pki', 'font', 's3'] as const).filter((k) => f.carries[k]).join(', '),
        f.largest.map((p) => `${p.module} ${kib(p.bytes)}`).join('; '),
      ].join(' | ').replace(/^/, '| ').concat(' |'),
    ),
    '',
    '## What the bundles carry',
    '',
    ...observations(figures),
    '',
  ];
  return lines.join('\n');
}

/** Which targets each function misses, and what it carries that the others do not. */
function observations(figures: BundleFigures[]): string[] {
  const names = (fs: BundleFigures[]) => fs.map((f) => f.name).join(', ') || 'none';
  const tooBig = figures.filter((f) => f.bytes >= SIZE_TARGET);
  const tooSlow = figures.filter((f) => f.loadMs >= LOAD_TARGET_MS);
  return [
    `- Over ${SIZE_TARGET / 1024 / 1024} MiB: ${names(tooBig)}.`,
    `- Load ≥ ${LOAD_TARGET_MS} ms: ${names(tooSlow)}.`,
    `- Carry the PKI code (certificates, CRLs, CMS, timestamps): ${names(figures.filter((f) => f.carries.pki))}.`,
    `- Carry the glyph-outline reader (seal lettering, form text): ${names(figures.filter((f) => f.carries.font))}.`,
    `- Reach S3: ${names(figures.filter((f) => f.carries.s3))}.`,
  ];
}
