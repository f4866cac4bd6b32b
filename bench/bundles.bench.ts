/**
 * Bundle size and cold-load cost of every Lambda, bundled the way NodejsFunction bundles it
 * (infra/lib/bundling.ts), then `require`d in fresh Node processes, each run alternating with the
 * empty bundle so that both see the same machine (decision 0247).
 *
 * The figure the target is checked against is the CPU time of `require(bundle)` (process.cpuUsage),
 * median of the runs: on a shared machine the wall time counts the other processes' turns, the CPU
 * time does not. `× start` divides it by the CPU time of a whole Node process that starts and loads
 * the empty bundle, measured alongside: the function's load in units of a bare Node start, which
 * compares across machines and loads. An API function that needs a caller is then given one request
 * that its handler refuses before any backend call (no credentials, 401): the first request's CPU time, which shows work
 * deferred from the load into every first request.
 *
 * `npm run bench -- bundles` measures every function and writes bench/results/bundles.{md,json};
 * `npm run bench -- bundles sign-document me` measures those only and prints them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ROUTES, type Route } from '@seal/shared/api';
import {
  ARCHIVE_JOB_ENTRY,
  AUDIT_ARCHIVE_ENTRY,
  AUDIT_CHAIN_ENTRY,
  AUTHORIZER_ENTRY,
  BOOTSTRAP_ENTRY,
  BUNDLE_ALIASES,
  BUNDLE_OPTIONS,
  RENEWAL_JOB_ENTRY,
  SIGN_BATCH_WORKER_ENTRY,
  authorizerDefine,
  handlerEntry,
} from '../infra/lib/bundling';

const OUT = join(__dirname, 'tmp', 'bundles');
const RESULTS = join(__dirname, 'results');
const RUNS = 7;
const SIZE_TARGET = 1024 * 1024;
const LOAD_TARGET_MS = 100;

interface BundleFigures {
  name: string;
  bytes: number;
  /** Median CPU milliseconds of `require(bundle)`: the figure the target is checked against. */
  loadCpuMs: number;
  /** Median wall milliseconds of the same `require`, for reference (inflated by the machine's load). */
  loadWallMs: number;
  /** loadCpuMs ÷ the CPU time of a Node process starting and loading the empty bundle, measured alongside. */
  vsStart: number;
  /** Median CPU milliseconds of a first request refused before any backend call; API functions that need a caller only. */
  firstRequestCpuMs?: number;
  /** The largest packages in the bundle, minified bytes. */
  largest: { module: string; bytes: number }[];
  awsClients: string[];
  /** Heavy parts a function carries only when its code path needs them. */
  carries: { pdf: boolean; pki: boolean; font: boolean; s3: boolean };
}

async function bundle(
  name: string,
  entry: string,
  define?: Record<string, string>,
): Promise<{ file: string; bytes: number; metafile: Metafile }> {
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

interface Run {
  loadCpuMs: number;
  loadWallMs: number;
  /** CPU time of the whole process, from its start to the end of the load. */
  processCpuMs: number;
  firstRequestCpuMs?: number;
}

/** An API Gateway request to the route without credentials: a route that needs a caller refuses it (401) before calling any backend. */
function unauthenticatedRequest(route: Route): object {
  const path = route.path.replace(/\{[^}]+\}/g, 'bench');
  const params = Object.fromEntries([...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], 'bench']));
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: path,
    headers: { 'content-type': 'application/json' },
    requestContext: { requestId: 'bench', http: { method: route.method, path } },
    pathParameters: params,
    body: '{}',
    isBase64Encoded: false,
  };
}

/** One fresh process: CPU and wall time of `require(file)`, then (given a request) the CPU time of handling it. */
function loadOnce(file: string, request?: object): Run {
  const script = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu(), t0 = process.hrtime.bigint();
const mod = require(${JSON.stringify(file)});
const loadWallMs = Number(process.hrtime.bigint() - t0) / 1e6, c1 = cpu();
const figures = { loadCpuMs: c1 - c0, loadWallMs, processCpuMs: c1 };
const request = ${JSON.stringify(request ?? null)};
(request ? Promise.resolve(mod.handler(request, {})).then((r) => {
  if (r.statusCode !== 401) throw new Error('expected 401, got ' + r.statusCode + ' ' + r.body);
  figures.firstRequestCpuMs = cpu() - c1;
}) : Promise.resolve()).then(() => process.stderr.write('BENCH ' + JSON.stringify(figures) + '\\n'));
`;
  const run = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, STAGE: 'local', AWS_REGION: 'cn-north-1' },
  });
  const line = run.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (run.status !== 0 || !line) throw new Error(`${file}: ${run.stderr}`);
  return JSON.parse(line.slice('BENCH '.length)) as Run;
}

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;

/** A bundle's runs and the empty bundle's, alternated so that both see the same machine load. */
function measure(file: string, emptyFile: string, request?: object): { mine: Run[]; empty: Run[] } {
  const mine: Run[] = [];
  const empty: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(loadOnce(emptyFile));
    mine.push(loadOnce(file, request));
  }
  return { mine, empty };
}

function packagesOf(metafile: Metafile): { module: string; bytes: number }[] {
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0]!.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const path = input.replace(/^(\.\.\/)+/, '');
    // Our own code by layer, and engines and adapters one by one (functions/src/engines/pdf, ...).
    const key = match
      ? match[1]!
      : path
          .split('/')
          .slice(0, /^functions\/src\/(engines|adapters)\//.test(path) ? 4 : 3)
          .join('/');
    sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
  }
  return [...sizes].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function run(only: string[] = []): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'empty'), { recursive: true });
  writeFileSync(join(OUT, 'empty', 'entry.js'), 'exports.handler = async () => ({});\n');
  const routeOf = new Map(ROUTES.map((r) => [r.handler, r]));
  const all: [string, string][] = [
    ...[...routeOf.keys()].sort().map((h): [string, string] => [h, handlerEntry(h)]),
    ['authorizer', AUTHORIZER_ENTRY],
    ['renewal-job', RENEWAL_JOB_ENTRY],
    ['archive-timestamp-job', ARCHIVE_JOB_ENTRY],
    ['bootstrap-platform', BOOTSTRAP_ENTRY],
    ['audit-archive', AUDIT_ARCHIVE_ENTRY],
    ['audit-chain', AUDIT_CHAIN_ENTRY],
    ['sign-batch-worker', SIGN_BATCH_WORKER_ENTRY],
  ];
  const unknown = only.filter((name) => !all.some(([n]) => n === name));
  if (unknown.length) throw new Error(`no such function: ${unknown.join(', ')}`);
  const entries = only.length ? all.filter(([name]) => only.includes(name)) : all;
  const empty = await bundle('empty', join(OUT, 'empty', 'entry.js'));
  // The authorizer gets the route table's auth modes as a constant, as NodejsFunction gives it.
  const defineFor = (name: string) => (name === 'authorizer' ? authorizerDefine(ROUTES) : undefined);
  const built = await Promise.all(entries.map(async ([name, entry]) => ({ name, ...(await bundle(name, entry, defineFor(name))) })));
  const loadBefore = loadavg()[0]!;
  const figures: BundleFigures[] = [];
  const starts: number[] = [];
  const emptyLoads: number[] = [];
  for (const b of built) {
    // Public routes would do their work (and call backends) for the request; only the others refuse it first.
    const route = routeOf.get(b.name);
    const refusing = route && route.auth !== 'public' ? route : undefined;
    const { mine, empty: alongside } = measure(b.file, empty.file, refusing && unauthenticatedRequest(refusing));
    const start = median(alongside.map((r) => r.processCpuMs));
    starts.push(start);
    emptyLoads.push(median(alongside.map((r) => r.loadCpuMs)));
    const loadCpuMs = median(mine.map((r) => r.loadCpuMs));
    const packages = packagesOf(b.metafile);
    const figure: BundleFigures = {
      name: b.name,
      bytes: b.bytes,
      loadCpuMs,
      loadWallMs: median(mine.map((r) => r.loadWallMs)),
      vsStart: Math.round((loadCpuMs / start) * 100) / 100,
      ...(refusing ? { firstRequestCpuMs: median(mine.map((r) => r.firstRequestCpuMs!)) } : {}),
      largest: packages.slice(0, 4),
      awsClients: packages
        .map((p) => p.module)
        .filter((m) => /^@aws-sdk\/client-/.test(m))
        .sort(),
      carries: {
        pdf: packages.some((p) => /^(functions\/src\/engines\/pdf|pdf-lib)/.test(p.module)),
        pki: packages.some((p) => /^(functions\/src\/engines\/pki|pkijs|@peculiar\/asn1-)/.test(p.module)),
        font: packages.some((p) => /^(functions\/src\/engines\/fonts|fontkit)/.test(p.module)),
        s3: packages.some((p) => p.module === 'aws4fetch' || p.module === '@aws-sdk/client-s3'),
      },
    };
    figures.push(figure);
    const first = figure.firstRequestCpuMs === undefined ? '' : `, first request ${figure.firstRequestCpuMs} ms CPU`;
    process.stdout.write(
      `${b.name.padEnd(34)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KiB  load ${String(loadCpuMs).padStart(6)} ms CPU (${figure.vsStart} × start, wall ${figure.loadWallMs} ms)${first}  [empty: start ${start} ms CPU]\n`,
    );
  }
  const meta = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    runs: RUNS,
    emptyStartCpuMs: median(starts),
    emptyLoadCpuMs: median(emptyLoads),
    emptyBundleBytes: empty.bytes,
    loadAverage: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadavg()[0]! * 10) / 10 },
    date: new Date().toISOString(),
  };
  if (only.length) return; // a subset is for looking at; the results files hold whole runs
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'bundles.json'), `${JSON.stringify({ ...meta, bundles: figures }, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'bundles.md'), markdown(meta, figures));
}

function markdown(
  meta: {
    node: string;
    platform: string;
    runs: number;
    emptyStartCpuMs: number;
    emptyLoadCpuMs: number;
    loadAverage: { before: number; after: number };
    date: string;
  },
  figures: BundleFigures[],
): string {
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const over = figures.filter((f) => f.bytes >= SIZE_TARGET || f.loadCpuMs >= LOAD_TARGET_MS);
  const lines = [
    '# Lambda bundle sizes and load times',
    '',
    `Bundled like NodejsFunction (esbuild, ${BUNDLE_OPTIONS.target}, minified, CJS, AWS SDK bundled, the aliases of infra/lib/bundling.ts). Each function is loaded in ${meta.runs} fresh \`node\` processes, each run alternating with the empty bundle (decision 0247):`,
    '- **load ms CPU**: median CPU time (process.cpuUsage) of `require(bundle)`; the < 100 ms target is checked against it;',
    `- **× start**: that divided by the CPU time of a Node process that starts and loads the empty bundle, measured alongside (median over the run: ${meta.emptyStartCpuMs} ms; the empty bundle's own \`require\`: ${meta.emptyLoadCpuMs} ms) — compare this column across runs and machines;`,
    '- **wall ms**: the same `require` in wall time, inflated by whatever else the machine runs;',
    '- **first request ms CPU**: an API function that needs a caller then handles one request it refuses before any backend call (no credentials: 401), which shows work moved from the load into every first request; empty for public routes and jobs.',
    '',
    `Node ${meta.node} on ${meta.platform}, ${meta.date}; load average ${meta.loadAverage.before} at the start, ${meta.loadAverage.after} at the end. Targets: < 1 MiB and < ${LOAD_TARGET_MS} ms per function.`,
    '',
    `${figures.length - over.length} of ${figures.length} functions meet both targets.`,
    '',
    '| function | minified | load ms CPU | × start | wall ms | first request ms CPU | AWS SDK clients | PDF / PKI / font / S3 | largest parts |',
    '|---|---:|---:|---:|---:|---:|---|---|---|',
    ...figures.map((f) =>
      [
        f.name,
        `${kib(f.bytes)}${f.bytes >= SIZE_TARGET ? ' ⚠' : ''}`,
        `${f.loadCpuMs}${f.loadCpuMs >= LOAD_TARGET_MS ? ' ⚠' : ''}`,
        f.vsStart,
        f.loadWallMs,
        f.firstRequestCpuMs ?? '',
        f.awsClients.map((c) => c.replace('@aws-sdk/client-', '')).join(', '),
        (['pdf', 'pki', 'font', 's3'] as const).filter((k) => f.carries[k]).join(', '),
        f.largest.map((p) => `${p.module} ${kib(p.bytes)}`).join('; '),
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
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
  const tooSlow = figures.filter((f) => f.loadCpuMs >= LOAD_TARGET_MS);
  return [
    `- Over ${SIZE_TARGET / 1024 / 1024} MiB: ${names(tooBig)}.`,
    `- Load ≥ ${LOAD_TARGET_MS} ms CPU: ${names(tooSlow)}.`,
    `- Carry the PKI code (certificates, CRLs, CMS, timestamps): ${names(figures.filter((f) => f.carries.pki))}.`,
    `- Carry the glyph-outline reader (seal lettering, form text): ${names(figures.filter((f) => f.carries.font))}.`,
    `- Reach S3: ${names(figures.filter((f) => f.carries.s3))}.`,
  ];
}
