/**
 * A signing batch of 1,000 documents through the API on the local stack (issue #20, decision 0165):
 * uploads first (not timed with the batch), then `POST /v1/signing-batches` and polls
 * `GET /v1/signing-batches/{id}` until nothing is pending. Reports documents/s and the total time,
 * with the in-process workers the local stack runs (LOCAL_SIGNING_WORKERS, default 4) and the
 * machine's load, since a shared machine slows everything alike.
 *
 *   npm run bench -- batch                      # 1,000 documents
 *   BATCH_DOCUMENTS=100 npm run bench -- batch  # fewer
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startDocumentsStack } from '../functions/test-support/documents-stack';
import { samplePdf } from '../functions/test-support/pdf/sample-pdf';

const RESULTS = join(__dirname, 'results');
const PIN = '258036';

export async function run(): Promise<void> {
  const count = Math.min(Number(process.env.BATCH_DOCUMENTS) || 1000, 1000);
  const t = await startDocumentsStack();
  try {
    const companyId = t.companyOf('lr-xinchuang').creditCode;
    const token = await t.api.login(t.person('lr-xinchuang'));
    const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token });
    const sealId = (seals as { sealId: string; kind: string }[]).find((s) => s.kind === 'company_name')!.sealId;
    await t.api.claimSeal(token, companyId, sealId, PIN);

    const pdf = await samplePdf({ pages: 1 });
    const uploadStarted = performance.now();
    const ids: string[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < count; i = next++) ids[i] = await t.api.upload(token, `发票${i}.pdf`, pdf);
      }),
    );
    const uploadS = (performance.now() - uploadStarted) / 1000;

    const load = loadavg()[0]!;
    const started = performance.now();
    const batch = await t.api.expect(202, 'batch', 'POST', '/v1/signing-batches', {
      token,
      body: { sealId, pin: PIN, documents: ids.map((documentId) => ({ documentId, placements: [{ page: 1, x: 200, y: 200 }] })) },
    });
    const acceptedMs = performance.now() - started;
    let view = batch;
    let polls = 0;
    while (view.state !== 'done') {
      await new Promise((r) => setTimeout(r, 2000));
      view = await t.api.expect(200, 'batch', 'GET', `/v1/signing-batches/${batch.batchId}`, { token });
      polls++;
      if (polls % 15 === 0) process.stdout.write(`  ${view.signed} signed, ${view.failed} failed, ${view.pending} pending (${Math.round((performance.now() - started) / 1000)} s)\n`);
    }
    const totalS = (performance.now() - started) / 1000;
    const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
    const result = {
      documents: count,
      signed: view.signed,
      failed: view.failed,
      workers: Number(process.env.LOCAL_SIGNING_WORKERS) || 4,
      acceptedMs: round(acceptedMs),
      totalSeconds: round(totalS),
      documentsPerSecond: round(view.signed / totalS, 2),
      uploadSeconds: round(uploadS),
      loadAverageAtStart: round(load),
      cores: (await import('node:os')).cpus().length,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'batch.json'), JSON.stringify(result, null, 2) + '\n');
    const md = [
      '# Signing batch (local stack, one run)',
      '',
      `${count} one-page documents, \`POST /v1/signing-batches\` then polling \`GET /v1/signing-batches/{id}\`; ${result.workers} in-process workers; ${result.cores} cores, load average ${result.loadAverageAtStart} at the start.`,
      '',
      '| documents | signed | failed | batch accepted (ms) | total (s) | documents/s | uploads before (s, not in total) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${count} | ${view.signed} | ${view.failed} | ${result.acceptedMs} | ${result.totalSeconds} | ${result.documentsPerSecond} | ${result.uploadSeconds} |`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'batch.md'), md);
    process.stdout.write(md);
  } finally {
    await t.stop();
  }
}
