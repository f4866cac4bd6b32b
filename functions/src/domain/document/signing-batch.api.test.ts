import { createHash } from 'node:crypto';
import { getServices } from '../../composition';
import { verifyingServices } from '../../composition-verifying';
import { ERRORS, documentDto } from '@seal/shared';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { requireTools } from '../../../test-support/tools';
import { pdfsig } from '../../../test-support/pdf/third-party';
import { verifyDocument } from './verify-document';
import { countDynamoDbCalls, type DynamoDbCall } from '../../../test-support/dynamodb-calls';

/**
 * 批量签章任务 over HTTP on the local stack (decision 0165): the PIN once, the documents signed by
 * the worker handler driven in-process as SQS drives it in AWS, progress polled, each document
 * signed exactly once however often its message comes.
 */
let t: DocumentsStack;
let lr: string;
let holder: string;
let sealId: string;
const PIN = '258036';
const PLACE = [{ page: 1, x: 200, y: 200 }];

beforeAll(async () => {
  t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  holder = await t.api.login(t.person('holder'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
}, 180_000);
afterAll(() => t?.stop());

/** Uploads `count` one-page documents, a few at a time. */
async function uploadMany(token: string, count: number): Promise<string[]> {
  const pdf = await samplePdf({ pages: 1 });
  const ids: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < count; i = next++) ids[i] = await t.api.upload(token, `发票${i}.pdf`, pdf);
    }),
  );
  return ids;
}

function start(documents: string[], extra: Record<string, unknown> = {}, token = lr) {
  return t.api.call('POST', '/v1/signing-batches', {
    token,
    body: { sealId, pin: PIN, documents: documents.map((documentId) => ({ documentId, placements: PLACE })), ...extra },
  });
}

/**
 * Polls the batch until nothing is pending; returns every answer seen. A long batch outlives a
 * session (on a busy machine): the legal representative logs in again, as the phone would.
 */
async function pollUntilDone(batchId: string): Promise<documentDto.SigningBatchView[]> {
  const seen: documentDto.SigningBatchView[] = [];
  for (;;) {
    let res = await t.api.call('GET', `/v1/signing-batches/${batchId}`, { token: lr });
    if (res.status === 401) {
      lr = await t.api.login(t.person('lr-xinchuang'));
      res = await t.api.call('GET', `/v1/signing-batches/${batchId}`, { token: lr });
    }
    expect(res.status).toBe(200);
    const view = res.body as documentDto.SigningBatchView;
    seen.push(view);
    if (view.state === 'done') return seen;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const documentOf = (documentId: string) => t.api.expect(200, 'document', 'GET', `/v1/documents/${documentId}`, { token: lr });

it('signs a batch of 1,000 documents in parallel with one PIN check, its progress observed, and every document verifies', async () => {
  const ids = await uploadMany(lr, documentDto.MAX_SIGNING_BATCH_DOCUMENTS);
  lr = await t.api.login(t.person('lr-xinchuang'));
  const started = await start(ids);
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ total: 1000, state: 'running' });

  const seen = await pollUntilDone(started.body.batchId);
  const summary = seen.at(-1)!;
  expect(summary).toMatchObject({ state: 'done', total: 1000, signed: 1000, failed: 0, pending: 0 });
  // Progress was visible on the way: some answer had documents both signed and pending.
  expect(seen.some((v) => v.signed > 0 && v.pending > 0)).toBe(true);
  // Counts never go back.
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.signed).toBeGreaterThanOrEqual(seen[i - 1]!.signed);
  expect(new Set(summary.documents.map((d) => d.documentId))).toEqual(new Set(ids));
  expect(summary.documents.every((d) => d.state === 'signed' && d.version === 1)).toBe(true);

  // Every signed document verifies, with our verifier; one also with pdfsig.
  const services = verifyingServices(getServices());
  const now = new Date();
  const firstSigned = await t.stack.signingQueue.idle().then(() => documentOf(ids[0]!));
  let checked = 0;
  for (const documentId of ids) {
    const record = await services.store.documents.get(documentId);
    expect(record).toMatchObject({ version: 1, signatures: 1, state: 'signed' });
    const bytes = (await services.blobs.get(record!.objectKey))!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record!.sha256);
    const result = await verifyDocument(services, bytes, now);
    expect(result.verdict).toBe('valid');
    checked++;
  }
  expect(checked).toBe(1000);
  requireTools('pdfsig', 'certutil');
  const rootPem = await (await fetch(`${t.stack.url}/v1/pki/root`)).text();
  const bytes = new Uint8Array(await (await fetch(firstSigned.downloadUrl)).arrayBuffer());
  expect((await pdfsig(bytes, [rootPem])).verdicts[0]).toBe('TOTAL_PASSED');
}, 2_400_000);

/** A call that names documents' table keys (a document's item is alone in its partition: `$seal#documentid_…`). */
const namesDocuments = (c: DynamoDbCall) => JSON.stringify(c.input).includes('#documentid_');

it('reads the documents of a starting batch together, one call per 100, before it writes anything', async () => {
  const ids = await uploadMany(lr, 101);
  const log = countDynamoDbCalls();
  let started: Awaited<ReturnType<typeof start>>;
  try {
    log.start();
    started = await start(ids);
    expect(started.status).toBe(202);
    // The batch's items are written with BatchWrite; what comes before it is the start's reads (the workers' come after).
    const reads = log.calls.slice(0, log.calls.findIndex((c) => c.operation === 'BatchWrite')).filter(namesDocuments);
    expect(reads.map((c) => c.operation)).toEqual(['BatchGet', 'BatchGet']);
    const asked = reads.map((c) => Object.values(c.input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>)[0]!);
    expect(asked.map((r) => [r.Keys.length, r.ConsistentRead])).toEqual([
      [100, true],
      [1, true],
    ]);
  } finally {
    log.restore();
  }
  expect((await pollUntilDone(started.body.batchId)).at(-1)).toMatchObject({ state: 'done', signed: 101, failed: 0 });
}, 600_000);

it('signs a document once however often its message is delivered, at once or after it was signed', async () => {
  const ids = await uploadMany(lr, 6);
  const started = await start(ids);
  const { batchId } = started.body;
  // Every message a second time while the first deliveries run (SQS delivers at least once) ...
  await t.stack.signingQueue.enqueue(ids.map((documentId) => ({ batchId, documentId })));
  await t.stack.signingQueue.idle();
  // ... and a third time once all are signed (a retry after a worker timed out).
  await t.stack.signingQueue.enqueue(ids.map((documentId) => ({ batchId, documentId })));
  await t.stack.signingQueue.idle();

  const [summary] = (await pollUntilDone(batchId)).slice(-1);
  expect(summary).toMatchObject({ signed: 6, failed: 0 });
  for (const documentId of ids) {
    expect(await documentOf(documentId)).toMatchObject({ version: 1, signatures: 1 });
    // One signed version stored: a losing delivery's object was deleted.
    expect(await t.objectsUnder(`signed/${documentId}/`)).toHaveLength(1);
  }
  const records = await t.api.expect(200, 'records', 'GET', `/v1/seals/${sealId}/signing-records?limit=50`, { token: lr });
  for (const documentId of ids) expect(records.items.filter((r: { documentId: string }) => r.documentId === documentId)).toHaveLength(1);
  expect(t.stack.signingQueue.deadLetters).toHaveLength(0);
}, 300_000);

it('reports each document that cannot be signed with its code and message, and signs the others', async () => {
  const [mine] = await uploadMany(lr, 1);
  const [someoneElses] = await uploadMany(holder, 1);
  const res = await t.api.call('POST', '/v1/signing-batches', {
    token: lr,
    body: {
      sealId,
      pin: PIN,
      documents: [
        { documentId: mine, placements: PLACE },
        { documentId: someoneElses, placements: PLACE },
        { documentId: (await uploadMany(lr, 1))[0], placements: [{ page: 7, x: 1, y: 1 }] },
      ],
    },
  });
  expect(res.status).toBe(202);
  const summary = (await pollUntilDone(res.body.batchId)).at(-1)!;
  expect(summary).toMatchObject({ signed: 1, failed: 2, pending: 0, state: 'done' });
  const byId = new Map(summary.documents.map((d) => [d.documentId, d]));
  expect(byId.get(someoneElses!)!.error).toEqual({ code: 'DOCUMENT_NOT_FOUND', message: ERRORS.DOCUMENT_NOT_FOUND.message });
  expect([...byId.values()].map((d) => d.error?.code ?? d.state).sort()).toEqual(['DOCUMENT_NOT_FOUND', 'PDF_PAGE_NOT_FOUND', 'signed']);
  // Someone else's batch is not found, not forbidden.
  const other = await t.api.call('GET', `/v1/signing-batches/${res.body.batchId}`, { token: holder });
  expect(other.status).toBe(404);
  expect(other.body.code).toBe('SIGNING_BATCH_NOT_FOUND');
}, 300_000);

it('refuses a wrong PIN, too many documents or a repeated one before anything is written or queued, and answers a retry with its first batch', async () => {
  const ids = await uploadMany(lr, 2);
  const wrongPin = await t.api.call('POST', '/v1/signing-batches', { token: lr, body: { sealId, pin: '999000', documents: [{ documentId: ids[0], placements: PLACE }] } });
  expect(wrongPin.status).toBe(403);
  expect(wrongPin.body.code).toBe('PIN_INCORRECT');
  const tooMany = Array.from({ length: 1001 }, (_, i) => `doc-${i}`);
  const refused = await start(tooMany);
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain('一次最多签署1000个文件');
  expect((await start([ids[0]!, ids[0]!])).status).toBe(400);
  expect(await documentOf(ids[0]!)).toMatchObject({ version: 0 });

  const first = await start(ids, { requestId: 'batch-retry-1' });
  const again = await start(ids, { requestId: 'batch-retry-1' });
  expect(again.body.batchId).toBe(first.body.batchId);
  await pollUntilDone(first.body.batchId);
  for (const documentId of ids) expect(await documentOf(documentId)).toMatchObject({ version: 1 });
}, 300_000);
