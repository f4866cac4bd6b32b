/**
 * How a signing batch's start reads its documents (decision 0221), on DynamoDB Local: 1,000
 * document records, read as `startSigningBatch` read them before (one consistent GetItem each, in
 * waves of 25) and as it reads them now (`documents.getMany`, one consistent BatchGetItem per 100),
 * alternating, several rounds. Reports each way's median, their ratio and the calls each makes.
 *
 *   npm run bench -- batch-start-reads
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startDocumentsStack } from '../functions/test-support/documents-stack';
import { countDynamoDbCalls } from '../functions/test-support/dynamodb-calls';
import { getServices } from '../functions/src/composition';

const RESULTS = join(__dirname, 'results');
const DOCUMENTS = 1000;
const ROUNDS = 7;
const WAVE = 25;

export async function run(): Promise<void> {
  const t = await startDocumentsStack({ auditStreamIntervalMs: 3_600_000 });
  try {
    const { store } = getServices();
    const createdAt = new Date().toISOString();
    const ids = Array.from({ length: DOCUMENTS }, (_, i) => `bench-doc-${i}`);
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map((documentId) =>
          store.documents.create({ documentId, ownerId: 'p-bench', name: `发票${documentId}.pdf`, objectKey: `documents/${documentId}`, purpose: 'sign', state: 'uploaded', version: 0, createdAt }),
        ),
      );
    }
    const before = async () => {
      const found = [];
      for (let i = 0; i < ids.length; i += WAVE) found.push(...(await Promise.all(ids.slice(i, i + WAVE).map((id) => store.documents.get(id, { consistent: true })))));
      return found.filter(Boolean).length;
    };
    const now = async () => (await store.documents.getMany(ids, { consistent: true })).length;

    const log = countDynamoDbCalls();
    const calls: Record<string, number> = {};
    const times: Record<string, number[]> = { before: [], now: [] };
    const load = loadavg()[0]!;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, read] of round % 2 === 0 ? ([['before', before], ['now', now]] as const) : ([['now', now], ['before', before]] as const)) {
          log.start();
          const started = performance.now();
          const found = await read();
          times[name]!.push(performance.now() - started);
          if (found !== DOCUMENTS) throw new Error(`${name}: read ${found} of ${DOCUMENTS}`);
          calls[name] = log.calls.length;
        }
      }
    } finally {
      log.restore();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const round1 = (n: number) => Math.round(n * 10) / 10;
    const result = {
      documents: DOCUMENTS,
      rounds: ROUNDS,
      beforeMs: round1(median(times.before!)),
      nowMs: round1(median(times.now!)),
      ratio: Math.round((median(times.now!) / median(times.before!)) * 100) / 100,
      callsBefore: calls.before,
      callsNow: calls.now,
      loadAverageAtStart: round1(load),
      cores: cpus().length,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'batch-start-reads.json'), JSON.stringify(result, null, 2) + '\n');
    const md = [
      '# A signing batch\'s start reads its documents (DynamoDB Local, one run)',
      '',
      `${DOCUMENTS} document records, ${ROUNDS} rounds alternating the two ways; ${result.cores} cores, load average ${result.loadAverageAtStart} at the start.`,
      '',
      '| way | calls | median ms | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| before: consistent GetItem each, waves of ${WAVE} | ${result.callsBefore} | ${result.beforeMs} | |`,
      `| now: consistent BatchGetItem, 100 a call | ${result.callsNow} | ${result.nowMs} | ${result.ratio}× |`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'batch-start-reads.md'), md);
    process.stdout.write(md);
  } finally {
    await t.stop();
  }
}
