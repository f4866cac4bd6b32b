/**
 * What a hostile file costs the no-login verifier before it is refused (issue 14): time in this
 * process (median of repeated runs), and memory in a fresh process that loads the verifier, notes
 * its peak RSS, rejects the file once and notes the peak again. Targets: < 50 ms and < 20 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPdf } from '../functions/src/engines/pdf/verify';
import { PdfDocument } from '../functions/src/engines/pdf/syntax/document';
import { pageCountLie, xrefStreamBomb } from '../functions/test-support/pdf/hostile';

const TMP = join(__dirname, 'tmp');
const RESULTS = join(__dirname, 'results');

const FILES: { name: string; bytes: () => Uint8Array }[] = [
  { name: 'xref stream /Index [0 1999999] (W [1 0 0])', bytes: () => xrefStreamBomb() },
  { name: 'the same stream in 10 revisions, each /Prev the one before', bytes: () => xrefStreamBomb(1_999_999, 10) },
  { name: 'page tree /Count 20000000', bytes: () => pageCountLie() },
  { name: 'array nesting 100,000 deep', bytes: () => nested() },
  { name: 'xref table "0 9999999" in 1 KB', bytes: () => tableClaim() },
];

function nested(): Uint8Array {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const body = `%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/AcroForm <</Fields ${deep}>>>>\nendobj\n2 0 obj\n<</Type/Pages/Kids []/Count 0>>\nendobj\n`;
  return new Uint8Array(Buffer.from(`${body}trailer\n<</Root 1 0 R>>\n%%EOF\n`, 'latin1'));
}

function tableClaim(): Uint8Array {
  const head = '%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids []/Count 0>>\nendobj\n';
  return new Uint8Array(Buffer.from(`${head}xref\n0 9999999\n0000000000 65535 f\r\ntrailer\n<</Root 1 0 R/Size 9999999>>\nstartxref\n${head.length}\n%%EOF\n`, 'latin1'));
}

async function rejectionMs(bytes: Uint8Array, runs = 31): Promise<number> {
  const once = () => verifyPdf(bytes, { trustedRoots: [] }).catch(() => undefined);
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]! * 100) / 100;
}

/** Peak RSS (MB) of a fresh process before and after rejecting the file once, and what it answered. */
function peakMemory(file: string): { beforeMb: number; afterMb: number; answer: string } {
  const script = `
    const { verifyPdf } = require('../functions/src/engines/pdf/verify');
    const { readFileSync } = require('node:fs');
    const bytes = readFileSync(${JSON.stringify(file)});
    const before = process.resourceUsage().maxRSS;
    verifyPdf(bytes, { trustedRoots: [] }).then(() => 'verified', (e) => e.code || String(e)).then((answer) => {
      console.log(JSON.stringify({ before, after: process.resourceUsage().maxRSS, answer }));
    });`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: __dirname, encoding: 'utf8' });
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as { before: number; after: number; answer: string };
  return { beforeMb: Math.round(out.before / 102.4) / 10, afterMb: Math.round(out.after / 102.4) / 10, answer: out.answer };
}

export async function run(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const rows = [];
  for (const f of FILES) {
    const bytes = f.bytes();
    const file = join(TMP, `hostile-${rows.length}.pdf`);
    writeFileSync(file, bytes);
    let answer = 'opened';
    try {
      PdfDocument.open(bytes);
    } catch (e) {
      answer = (e as { code?: string }).code ?? String(e);
    }
    const ms = await rejectionMs(bytes);
    const memory = peakMemory(file);
    const row = { file: f.name, bytes: bytes.length, answer: memory.answer || answer, medianMs: ms, peakRssBeforeMb: memory.beforeMb, peakRssAfterMb: memory.afterMb, extraMb: Math.round((memory.afterMb - memory.beforeMb) * 10) / 10 };
    console.log(row);
    rows.push(row);
  }
  const worstMs = Math.max(...rows.map((r) => r.medianMs));
  const worstMb = Math.max(...rows.map((r) => r.extraMb));
  const meta = { date: new Date().toISOString(), node: process.version };
  writeFileSync(join(RESULTS, 'hostile.json'), JSON.stringify({ ...meta, rows }, null, 2) + '\n');
  const md = [
    '# Hostile files: what rejecting them costs',
    '',
    `${meta.date}, Node ${meta.node}. Time: median of 31 in-process runs of \`verifyPdf\` after one warm-up. Memory: a fresh process loads the verifier, notes its peak RSS, rejects the file once, notes the peak again.`,
    '',
    '| file | size | answer | median ms | peak RSS before → after (MB) | extra MB |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.file} | ${r.bytes} B | ${r.answer} | ${r.medianMs} | ${r.peakRssBeforeMb} → ${r.peakRssAfterMb} | ${r.extraMb} |`),
    '',
    `Worst case this run: ${worstMs} ms, ${worstMb} MB extra (targets < 50 ms, < 20 MB: ${worstMs < 50 && worstMb < 20 ? 'met' : '**not met**'}).`,
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'hostile.md'), md);
  console.log(md);
  // A missed target makes `npm run bench` exit non-zero, not just say so in the table.
  if (worstMs >= 50 || worstMb >= 20) process.exitCode = 1;
}
