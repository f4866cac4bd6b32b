/**
 * `npm run load`: a bounded load on the platform's main routes, on loopback only, against an empty
 * node:http server measured in the same run (decision 0146). It starts the local stack the API tests
 * use (DynamoDB Local, the local S3 and KMS endpoints, every handler), logs a seed legal
 * representative in and claims a seal (bench/load-servers.ts, its own process), then for a fixed duration and number of connections loads
 * GET /v1/health, GET /v1/me, POST /v1/verify (a 1-page PDF the platform signed) and, for a fixed
 * number of documents uploaded beforehand, POST /v1/documents/{id}/sign. Writes
 * bench/results/load.{md,json}.
 *
 *   npm run load                              # about 90 s on an idle machine
 *   npm run load -- --duration 5 --connections 16
 *   npm run load -- --target http://localhost:8080   # an already running `npm start`: health only
 */
import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options, type Result } from 'autocannon';
import type { LoadServers } from './load-servers';

const RESULTS = join(__dirname, 'results');
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const TMP = join(__dirname, 'tmp');
const RAISED_QUOTAS = { 'verify.ip': 1e9, 'login.ip': 1e6, 'upload.count.person': 1e6, 'upload.count.company': 1e6 };

interface Row {
  route: string;
  connections: number;
  load: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/** Every URL the harness loads must be this machine: a load harness is not a way to flood someone else. */
export function loopbackOnly(url: string): string {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' || !LOOPBACK.has(hostname))
    throw new Error(`npm run load only loads loopback (localhost, 127.0.0.1, ::1) over http, not ${url}`);
  return url;
}

function argument(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
  return value;
}

function targetArgument(): string | undefined {
  const i = process.argv.indexOf('--target');
  return i >= 0 ? loopbackOnly(process.argv[i + 1] ?? '') : undefined;
}

async function cannon(route: string, options: Options): Promise<Row> {
  loopbackOnly(options.url);
  process.stdout.write(`${route} … `);
  const result: Result = await autocannon(options);
  const row: Row = {
    route,
    connections: options.connections ?? 10,
    load: options.amount ? `${options.amount} requests` : `${options.duration ?? 10} s`,
    requests: result.requests.total,
    requestsPerSecond: Math.round((result.requests.total / (result.duration || 1)) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(
    `${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, non-2xx ${row.non2xx}, errors ${row.errors}\n`,
  );
  return row;
}

/** Starts bench/load-servers.ts in its own process; its request logs go to bench/tmp/load-servers.log. */
async function startServers(documents: number, stack: boolean): Promise<{ servers: LoadServers; stop(): Promise<void> }> {
  mkdirSync(TMP, { recursive: true });
  const log = openSync(join(TMP, 'load-servers.log'), 'w');
  const child = fork(join(__dirname, 'load-servers.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', log, log, 'ipc'],
    // The load comes from one address and one person: the per-address and per-person quotas would
    // answer 429 within seconds, measuring the limiter instead of the route (decision 0100).
    env: {
      ...process.env,
      LOAD_DOCUMENTS: String(documents),
      LOAD_STACK: stack ? 'local' : 'none',
      QUOTA_LIMITS: process.env.QUOTA_LIMITS ?? JSON.stringify(RAISED_QUOTAS),
    },
  });
  const servers = await new Promise<LoadServers>((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadServers));
    child.once('exit', (code) => reject(new Error(`the servers stopped (exit ${code}); see bench/tmp/load-servers.log`)));
  });
  return {
    servers,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
      closeSync(log);
    },
  };
}

async function main(): Promise<void> {
  const duration = argument('duration', 6, 60);
  const connections = argument('connections', 10, 64);
  const documents = argument('documents', 16, 200);
  const target = targetArgument();
  const base = { connections, duration };
  const rows: Row[] = [];
  process.stdout.write(target ? 'starting the empty server … ' : 'starting the local stack and the empty server, logging in, uploading … ');
  const { servers, stop } = await startServers(documents, !target);
  process.stdout.write('ready\n');
  try {
    rows.push(await cannon('empty node:http server', { ...base, url: servers.empty }));
    if (target) {
      rows.push(await cannon('GET /v1/health', { ...base, url: `${target}/v1/health` }));
    } else {
      const url = loopbackOnly(servers.url);
      const auth = { authorization: `Bearer ${servers.token}` };
      const signed = Buffer.from(servers.signedPdfBase64, 'base64');
      rows.push(await cannon('GET /v1/health', { ...base, url: `${url}/v1/health` }));
      rows.push(await cannon('GET /v1/me (logged in)', { ...base, url: `${url}/v1/me`, headers: auth }));
      rows.push(
        await cannon(`POST /v1/verify (${(signed.length / 1024).toFixed(0)} KB signed PDF)`, {
          ...base,
          url: `${url}/v1/verify`,
          method: 'POST',
          headers: { 'content-type': 'application/pdf' },
          body: signed,
        }),
      );
      // Signing: each request signs its own document, uploaded beforehand (a bounded number).
      const body = JSON.stringify({ sealId: servers.sealId, pin: servers.pin, placements: [{ page: 1, x: 300, y: 100 }] });
      let next = 0;
      rows.push(
        await cannon('POST /v1/documents/{id}/sign (1 page, PIN)', {
          url,
          connections: Math.min(connections, 4),
          amount: servers.documentIds.length,
          requests: [
            {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json' },
              setupRequest: (request) => ({
                ...request,
                path: `/v1/documents/${servers.documentIds[next++ % servers.documentIds.length]}/sign`,
                body,
              }),
            },
          ],
        }),
      );
    }
  } finally {
    await stop();
  }
  write(rows, { duration, connections, target });
}

const share = (fraction: number): string => `${fraction >= 0.1 ? (fraction * 100).toFixed(0) : Number((fraction * 100).toPrecision(2))} %`;

function write(rows: Row[], run: { duration: number; connections: number; target?: string }): void {
  const floor = rows[0]!.requestsPerSecond;
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    ...run,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'load.json'), JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  const md = [
    '# Load on loopback (`npm run load`)',
    '',
    `${meta.date}, Node ${meta.node}, ${meta.cpus} cores (load average ${meta.loadAverage.join(' / ')} at the end).`,
    `${run.target ? `Target: an already running stack at ${run.target}.` : 'The local stack (DynamoDB Local, local S3, local KMS endpoint, every handler) and the empty server in one child process, autocannon in this one.'}`,
    '',
    '| route | connections | load | requests | requests/s | share of the empty server | p50 ms | p99 ms | non-2xx | errors |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.route} | ${r.connections} | ${r.load} | ${r.requests} | ${r.requestsPerSecond} | ${share(r.requestsPerSecond / floor)} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} | ${r.errors} |`,
    ),
    '',
    'Ratios within one run are what to compare: the machine is shared. The per-address and per-person quotas are raised for the run (`QUOTA_LIMITS`), since every request comes from one address and one person.',
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'load.md'), md);
  process.stdout.write(`\n${md}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
