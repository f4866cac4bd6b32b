/**
 * The audit trail under concurrent writers (issue #20, decision 0160), all measured in this one run
 * against DynamoDB Local and the local KMS endpoint:
 * - 64 writers each committing a change with its audit event (a 用印记录 and the event, one
 *   transaction, as a signature commits) in a loop, all of one company, and at the same time 64
 *   more spread over 64 companies; each group's commits/s and CONFLICTs;
 * - then the chainer on the table's stream (the Lambda's consumer, fed from DynamoDB Local's
 *   stream) links every event and checkpoints; its events/s, and each company's trail verified.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@seal/shared';
import { startLocalKms } from '../functions/dev/kms-server';
import { startDynamoDbLocal } from '../functions/dev/local/dynamodb-local';
import { readTableStream } from '../functions/dev/local/table-stream';
import { freePort } from '../functions/dev/local/wait-for-port';
import { ensureTable } from '../functions/src/adapters/dynamodb/create-table';
import { createPorts } from '../functions/src/composition';
import { EVERY_PORT } from '../functions/src/composition/every-port';
import { verifyCompanyChain } from '../functions/src/domain/audit/verify-company-chain';
import { bootstrapPlatformPki } from '../functions/src/domain/platform-pki/platform-ca';
import { createAuditChainer } from '../functions/src/entry/jobs/audit-chain';
import type { Ports } from '../functions/src/ports';

const RESULTS = join(__dirname, 'results');
const WRITERS = 64;
const COMMITS_PER_WRITER = 5;
const ROUNDS = 3;
const TABLE = 'seal-platform-bench';

interface Outcome {
  commitsPerSecond: number;
  seconds: number;
  committed: number;
  conflicts: number;
  otherErrors: number;
  /** What the other errors said (DynamoDB Local under load times out waiting for a lock, which DynamoDB itself does not). */
  errors: string[];
}

/** `WRITERS` writers, each committing `COMMITS_PER_WRITER` changes one after another; writer i writes for `companyOf(i)`. */
async function commitConcurrently(ports: Ports, companyOf: (writer: number) => string, tag: string): Promise<Outcome> {
  let committed = 0;
  let conflicts = 0;
  let otherErrors = 0;
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      const companyId = companyOf(writer);
      for (let n = 0; n < COMMITS_PER_WRITER; n++) {
        const signedAt = new Date().toISOString();
        const documentId = `doc-${tag}-${writer}-${n}`;
        try {
          await ports.store.commitWithAudit({ companyId, actorId: `person-${writer}`, actorRole: 'seal_holder', action: 'document.sign', subject: `document:${documentId}` }, [
            ports.store.signingRecords.add({
              sealId: `seal-${tag}-${writer}`,
              recordId: `${signedAt}#${documentId}#2`,
              companyId,
              documentId,
              documentName: '合同.pdf',
              version: 2,
              objectKey: `documents/${documentId}/2.pdf`,
              sha256: '0'.repeat(64),
              pages: 1,
              signedAt,
              signerId: `person-${writer}`,
              signerName: '张三',
              signerRole: 'seal_holder',
              certificateSerial: '01',
            }),
          ]);
          committed++;
        } catch (error) {
          if (error instanceof DomainError && error.code === 'CONFLICT') conflicts++;
          else {
            otherErrors++;
            errors.push(String(error).slice(0, 200));
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { commitsPerSecond: Math.round(committed / seconds), seconds, committed, conflicts, otherErrors, errors };
}

/** Commits per second over all rounds together. */
const pooled = (outcomes: Outcome[]) => Math.round(outcomes.reduce((n, o) => n + o.committed, 0) / outcomes.reduce((t, o) => t + o.seconds, 0));

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'seal-bench-audit-'));
  const [dynamoPort, kmsPort] = await Promise.all([freePort(), freePort()]);
  const [dynamo, kms] = await Promise.all([startDynamoDbLocal({ port: dynamoPort }), startLocalKms({ port: kmsPort, dataDir: join(dataDir, 'kms') })]);
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await ensureTable(raw, TABLE);
    const env = { ...process.env, STAGE: 'local', TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'us-east-1' };
    const ports = createPorts(env, EVERY_PORT);
    await bootstrapPlatformPki(ports);

    await commitConcurrently(ports, (w) => `WARMUP${w}`, 'warm-up');
    const oneCompany: Outcome[] = [];
    const spread: Outcome[] = [];
    // Both groups at the same time, so a machine busy with other work slows both alike (taken in
    // turn instead, on the shared 2 cores, rounds of the same group varied 10-fold).
    for (let round = 0; round < ROUNDS; round++) {
      const [one, many] = await Promise.all([
        commitConcurrently(ports, () => `ONE${round}`, `one-${round}`),
        commitConcurrently(ports, (w) => `SPREAD${round}-${w}`, `spread-${round}`),
      ]);
      oneCompany.push(one);
      spread.push(many);
    }

    // The chainer as the Lambda runs it, fed from DynamoDB Local's stream: every event so far.
    const chainer = createAuditChainer(ports);
    const stream = await readTableStream({ client: raw, endpoint: dynamo.endpoint, region: 'us-east-1', tableName: TABLE, consumer: chainer, intervalMs: 60_000 });
    const chainStarted = performance.now();
    await stream.drain();
    const chainSeconds = (performance.now() - chainStarted) / 1000;
    await stream.stop();

    const companies = [...Array.from({ length: ROUNDS }, (_, r) => `ONE${r}`), ...Array.from({ length: ROUNDS }, (_, r) => Array.from({ length: WRITERS }, (__, w) => `SPREAD${r}-${w}`)).flat()];
    const reports = await Promise.all(companies.map((companyId) => verifyCompanyChain(ports.store, companyId)));
    const linked = reports.reduce((sum, r) => sum + r.events, 0) + WRITERS * COMMITS_PER_WRITER; // and the warm-up's
    const allIntact = reports.every((r) => r.intact && r.pending === 0 && r.checkpoints.count > 0 && r.checkpoints.firstBreak === null);
    const oneCompanyTrail = reports.slice(0, ROUNDS).map((r) => ({ events: r.events, intact: r.intact, pending: r.pending, checkpoints: r.checkpoints.count }));

    const one = pooled(oneCompany);
    const many = pooled(spread);
    const ratioPct = Math.round((one / many) * 1000) / 10;
    const conflicts = [...oneCompany, ...spread].reduce((sum, o) => sum + o.conflicts + o.otherErrors, 0);
    const result = {
      writers: WRITERS,
      commitsPerWriter: COMMITS_PER_WRITER,
      rounds: { oneCompany, spread },
      commitsPerSecond: { oneCompany: one, spreadOver64Companies: many, ratioPct },
      conflictsOrErrors: conflicts,
      chainer: { eventsLinked: linked, seconds: Math.round(chainSeconds * 10) / 10, eventsPerSecond: Math.round(linked / chainSeconds) },
      oneCompanyTrail,
      everyTrailIntact: allIntact,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'audit-trail.json'), JSON.stringify(result, null, 2) + '\n');
    const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
    const md = [
      '# Audit trail under concurrent writers (DynamoDB Local, one run)',
      '',
      `${WRITERS} writers of one company and, at the same time, ${WRITERS} writers of ${WRITERS} companies, each committing ${COMMITS_PER_WRITER} changes in a row (a 用印记录 and its audit event, one transaction); ${ROUNDS} rounds, commits/s over all of them:`,
      '',
      '| writers | commits/s | CONFLICT or error |',
      '| --- | ---: | ---: |',
      `| 64, one company | ${one} | ${oneCompany.reduce((s, o) => s + o.conflicts + o.otherErrors, 0)} |`,
      `| 64, over 64 companies | ${many} | ${spread.reduce((s, o) => s + o.conflicts + o.otherErrors, 0)} |`,
      '',
      `One company at ${ratioPct} % of the spread throughput (goal ≥ 90 % with 0 CONFLICT: ${mark(ratioPct >= 90 && conflicts === 0)}).`,
      '',
      `Then the chainer (fed from the table's stream) linked ${linked} events in ${result.chainer.seconds} s (${result.chainer.eventsPerSecond} events/s) and checkpointed each company; ` +
        `every trail verifies with its checkpoints: ${allIntact ? 'yes' : '**no**'} (one company: ${oneCompanyTrail.map((t) => `${t.events} events`).join(', ')}).`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'audit-trail.md'), md);
    process.stdout.write(md);
  } finally {
    raw.destroy();
    await Promise.allSettled([dynamo.stop(), kms.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
