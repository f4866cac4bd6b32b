/**
 * A signing request's path through the document's bytes (issue #20 item 6, decision 0166), on a
 * 50 MB PDF in the local S3 server (loopback), both ways in one run, taken in turn:
 * - before: HEAD, then GET; SHA-256 of the upload (checked against the declared hash); the signature
 *   hashes its byte ranges from the start; SHA-256 of the signed file (recorded);
 * - now: one GET hashed as it streams; the signature's digest and the signed file's hash continue
 *   that running hash over the appended update.
 * The signature itself (appearance, CMS, timestamp) is the same in both.
 *
 *   npm run bench -- bytes-path
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalS3 } from '../functions/dev/local/s3-local';
import { freePort } from '../functions/dev/local/wait-for-port';
import { createObjectStore } from '../functions/src/adapters/s3/object-store';
import { sha256Continued, sha256Hex } from '../functions/src/domain/document/load-document';
import { signingWorld, samplePdf } from '../functions/test-support/pdf/signed-fixtures';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const RUNS = 5;
const SIZE = 50 * 1024 * 1024;

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bytes-'));
  const s3 = await startLocalS3({ port: await freePort(), dataDir, buckets: ['bench'], region: 'us-east-1' });
  try {
    const blobs = createObjectStore({ bucket: 'bench', endpoint: s3.endpoint, region: 'us-east-1' });
    const world = await signingWorld(new Date());
    const pdf = await samplePdf({ pages: 20, padding: SIZE - 200_000 });
    const declared = sha256Hex(pdf);
    await blobs.put('doc.pdf', pdf, { contentType: 'application/pdf' });

    const before = async () => {
      if ((await blobs.head('doc.pdf')) === undefined) throw new Error('missing');
      const bytes = (await blobs.get('doc.pdf'))!;
      if (sha256Hex(bytes) !== declared) throw new Error('mismatch');
      const signed = await world.sign(bytes);
      return sha256Hex(signed);
    };
    const now = async () => {
      const read = await blobs.readHashed('doc.pdf', SIZE);
      if (!read || read === 'too-large' || read.sha256.copy().digest('hex') !== declared) throw new Error('mismatch');
      const signed = await world.sign(read.bytes, { pdfSha256: read.sha256 });
      return sha256Continued(read, signed);
    };
    // Warm-up, and a check that the continued hash is the signed file's hash.
    await before();
    const read = (await blobs.readHashed('doc.pdf', SIZE)) as Exclude<Awaited<ReturnType<typeof blobs.readHashed>>, 'too-large' | undefined>;
    const signed = await world.sign(read.bytes, { pdfSha256: read.sha256 });
    if (sha256Continued(read, signed) !== sha256Hex(signed)) throw new Error('the continued hash is not the signed file\'s');

    const times = { before: [] as number[], now: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      times.before.push(await medianMs(1, before));
      times.now.push(await medianMs(1, now));
    }
    const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
    const hashOnly = await medianMs(RUNS, () => sha256Hex(pdf));
    const result = {
      documentBytes: pdf.length,
      beforeMs: median(times.before),
      nowMs: median(times.now),
      ratio: Math.round((median(times.now) / median(times.before)) * 100) / 100,
      sha256OfDocumentMs: hashOnly,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'bytes-path.json'), JSON.stringify(result, null, 2) + '\n');
    const md = [
      '# A signing request\'s bytes path (50 MB PDF, local S3 on loopback, one run)',
      '',
      '| path | ms (median of 5, taken in turn) |',
      '| --- | ---: |',
      `| before: HEAD + GET, hash the upload, signature hashes its ranges, hash the signed file | ${result.beforeMs} |`,
      `| now: one GET hashed as it streams, both later hashes continue it | ${result.nowMs} |`,
      `| now ÷ before | ${result.ratio} |`,
      `| (one SHA-256 of the 50 MB document alone) | ${result.sha256OfDocumentMs} |`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'bytes-path.md'), md);
    process.stdout.write(md);
  } finally {
    await s3.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
