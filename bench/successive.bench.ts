/**
 * Verification cost of many successive signatures on one large file: a 10 MB PDF signed once and
 * signed 20 times in a row (each signature an incremental revision over the previous one), and the
 * same on a small file. The verifier hashes every signature's byte ranges in one read of the file
 * (range-digests.ts), so what the size adds is paid once, not once per signature.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPdf } from '../functions/src/engines/pdf/verify';
import { signingWorld, samplePdf } from '../functions/test-support/pdf/signed-fixtures';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const SIGNATURES = 20;

export async function run(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const world = await signingWorld(new Date());
  const rows = [];
  for (const d of [
    { name: '10 MB, 20 pages', pdf: await samplePdf({ pages: 20, padding: 10 * 1024 * 1024 }) },
    // The same signatures on a small file: what a signature costs whatever the file's size.
    { name: '20 pages', pdf: await samplePdf({ pages: 20 }) },
  ]) {
    const once = await world.sign(d.pdf);
    let many = once;
    for (let i = 1; i < SIGNATURES; i++)
      many = await world.sign(many, {
        as: i % 2 ? 'second' : undefined,
        placements: [{ page: 1 + (i % 20), x: 80 + (i % 4) * 100, y: 80 }],
      });
    const verify = (bytes: Uint8Array, count: number) => async () => {
      const report = await verifyPdf(bytes, { trustedRoots: world.trustedRoots });
      if (report.signatures.length !== count || report.verdict !== 'valid')
        throw new Error(`${count} signatures: ${report.verdict} (${report.subIndication})`);
    };
    const oneMs = await medianMs(9, verify(once, 1));
    const manyMs = await medianMs(9, verify(many, SIGNATURES));
    const row = {
      document: d.name,
      bytes: many.length,
      oneSignatureMs: oneMs,
      manySignaturesMs: manyMs,
      signatures: SIGNATURES,
      ratio: Math.round((manyMs / oneMs) * 100) / 100,
    };
    console.log(row);
    rows.push(row);
  }
  const [large, small] = rows as [(typeof rows)[0], (typeof rows)[0]];
  // The part that grows with the file: verify time on 10 MB minus on the small file, for 1 and for 20 signatures.
  const sizeOne = Math.round((large.oneSignatureMs - small.oneSignatureMs) * 10) / 10;
  const sizeMany = Math.round((large.manySignaturesMs - small.manySignaturesMs) * 10) / 10;
  const meta = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
  writeFileSync(
    join(RESULTS, 'successive.json'),
    JSON.stringify({ ...meta, rows, sizeDependentMs: { one: sizeOne, many: sizeMany } }, null, 2) + '\n',
  );
  const md = [
    '# Successive signatures on one file',
    '',
    `Medians of 9 warm runs in milliseconds, ${meta.date}, Node ${meta.node}, ${meta.cpus} cores (shared).`,
    '',
    '| document | size | verify, 1 signature | verify, 20 successive signatures | ratio |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${r.document} | ${(r.bytes / 1048576).toFixed(2)} MiB | ${r.oneSignatureMs} | ${r.manySignaturesMs} | ${r.ratio}× |`,
    ),
    '',
    `What the file's size adds (10 MB minus the small file): ${sizeOne} ms with 1 signature, ${sizeMany} ms with 20 — the bytes are read once however many signatures cover them.`,
    `Goal of issue #20: 20 signatures on 10 MB within 2× one signature: ${large.ratio <= 2 ? 'met' : '**not met**'} (${large.ratio}×); the rest is each signature's own fixed work (CMS, certificates, revision analysis), the 20-page row's.`,
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'successive.md'), md);
  console.log(md);
}
