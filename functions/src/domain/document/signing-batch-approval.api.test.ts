import { createHash } from 'node:crypto';
import { batchApprovalDigest, placementSummary, type documentDto } from '@seal/shared';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * 批量签章 from the desktop (decision 0210): the phone approves one `sign` challenge over the
 * whole batch's digest with the PIN, the desktop starts the batch with that approval, the phone
 * lists the batch (0211) and the owner downloads its summary report (0212).
 */
let t: DocumentsStack;
let lr: string;
let holder: string;
let companyId: string;
let sealId: string;
const PIN = '258036';
const PLACE = [{ page: 1, x: 380, y: 120 }];

beforeAll(async () => {
  t = await startDocumentsStack();
  companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  holder = await t.api.login(t.person('holder'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
}, 180_000);
afterAll(() => t?.stop());

interface Upload {
  documentId: string;
  name: string;
  sha256: string;
}
async function upload(name: string, bytes: Uint8Array): Promise<Upload> {
  return { documentId: await t.api.upload(lr, name, bytes), name, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** What the desktop does on 批量签章: one `sign` challenge whose digest binds every file, the seal and the placements. */
async function askPhone(files: Upload[], placements = PLACE) {
  const documentDigest = await batchApprovalDigest(
    sealId,
    files.map((f) => ({ documentSha256: f.sha256, placements, crossPage: false })),
  );
  return t.api.expect(201, 'challenge', 'POST', '/v1/challenges', {
    token: lr,
    body: {
      purpose: 'sign',
      companyId,
      sealId,
      details: {
        documentName: files[0]!.name,
        documentCount: files.length,
        documentDigest,
        placement: placementSummary(placements, false),
      },
    },
  });
}
const approve = (challengeId: string) =>
  t.api.expect(200, 'approve', 'POST', `/v1/challenges/${challengeId}/approve`, { token: lr, body: { pin: PIN } });
const startWith = (challenge: { challengeId: string; desktopSecret: string }, files: Upload[], extra: Record<string, unknown> = {}) =>
  t.api.call('POST', '/v1/signing-batches', {
    token: lr,
    body: {
      sealId,
      challengeId: challenge.challengeId,
      desktopSecret: challenge.desktopSecret,
      documents: files.map((f) => ({ documentId: f.documentId, placements: PLACE })),
      ...extra,
    },
  });

async function untilDone(batchId: string): Promise<documentDto.SigningBatchView> {
  for (;;) {
    const view = await t.api.expect(200, 'batch', 'GET', `/v1/signing-batches/${batchId}`, { token: lr });
    if (view.state === 'done') return view;
    await new Promise((r) => setTimeout(r, 300));
  }
}

it('signs a batch the phone approved once, lists it for the phone, and reports every document in a CSV', async () => {
  const pdf = await samplePdf({ pages: 1 });
  const files = [
    await upload('合同一.pdf', pdf),
    await upload('=合同二, "副本".pdf', await samplePdf({ pages: 2 })),
    await upload('损坏.pdf', new TextEncoder().encode('not a pdf at all')),
  ];
  const challenge = await askPhone(files);
  await approve(challenge.challengeId);

  const started = await startWith(challenge, files, { requestId: 'batch-approved-1' });
  expect(started.status).toBe(202);
  const { batchId } = started.body;
  // A retry of the same request gets the same batch; the spent approval is not asked again.
  const retry = await startWith(challenge, files, { requestId: 'batch-approved-1' });
  expect(retry.body.batchId).toBe(batchId);

  const done = await untilDone(batchId);
  expect(done).toMatchObject({ total: 3, signed: 2, failed: 1, pending: 0 });
  const byName = new Map(done.documents.map((d) => [d.name, d]));
  expect(byName.get('合同一.pdf')).toMatchObject({ state: 'signed', version: 1 });
  expect(byName.get('损坏.pdf')?.state).toBe('failed');
  expect(byName.get('损坏.pdf')?.error?.message).toMatch(/[\u4e00-\u9fa5]/);

  const { batches } = await t.api.expect(200, 'list', 'GET', '/v1/signing-batches', { token: lr });
  expect(batches[0]).toMatchObject({ batchId, sealId, total: 3 });
  const others = await t.api.expect(200, 'list', 'GET', '/v1/signing-batches', { token: holder });
  expect(others.batches.map((b: { batchId: string }) => b.batchId)).not.toContain(batchId);

  const report = await fetch(`${t.stack.url}/v1/signing-batches/${batchId}/report`, { headers: { authorization: `Bearer ${lr}` } });
  expect(report.status).toBe(200);
  expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
  const csv = await report.text();
  expect(csv).toContain('"文件总数","3","已签章","2","未签章","1","处理中","0"');
  expect(csv).toContain(`"合同一.pdf","${files[0]!.documentId}","已签章","1"`);
  // A name a spreadsheet would run as a formula stays text; quotes are doubled.
  expect(csv).toContain(`"'=合同二, ""副本"".pdf","${files[1]!.documentId}","已签章"`);
  const failed = done.documents.find((d) => d.state === 'failed')!;
  expect(csv).toContain(`"损坏.pdf","${files[2]!.documentId}","未签章","","${failed.error!.code}","${failed.error!.message}"`);

  const someoneElses = await fetch(`${t.stack.url}/v1/signing-batches/${batchId}/report`, {
    headers: { authorization: `Bearer ${holder}` },
  });
  expect(someoneElses.status).toBe(404);
}, 120_000);

it('refuses a batch other than the one approved, and the spent approval starts nothing', async () => {
  const pdf = await samplePdf({ pages: 1 });
  const files = [await upload('甲.pdf', pdf), await upload('乙.pdf', await samplePdf({ pages: 1 }))];
  const challenge = await askPhone(files);
  await approve(challenge.challengeId);
  const before = await t.api.expect(200, 'list', 'GET', '/v1/signing-batches', { token: lr });

  // One more file than the phone saw.
  const extra = await upload('丙.pdf', await samplePdf({ pages: 1 }));
  const res = await startWith(challenge, [...files, extra]);
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('APPROVAL_MISMATCH');
  const again = await startWith(challenge, files);
  expect(again.body.code).toBe('CHALLENGE_USED');
  const after = await t.api.expect(200, 'list', 'GET', '/v1/signing-batches', { token: lr });
  expect(after.batches).toEqual(before.batches);
}, 120_000);

it('does not let a batch approval sign a single document, nor a document of someone else join a batch', async () => {
  const files = [await upload('丁.pdf', await samplePdf({ pages: 1 }))];
  const challenge = await askPhone(files);
  await approve(challenge.challengeId);
  const single = await t.api.call('POST', `/v1/documents/${files[0]!.documentId}/sign-confirmed`, {
    token: lr,
    body: { sealId, challengeId: challenge.challengeId, desktopSecret: challenge.desktopSecret, placements: PLACE },
  });
  expect(single.body.code).toBe('APPROVAL_MISMATCH');

  const theirs = await t.api.upload(holder, '别人的.pdf', await samplePdf({ pages: 1 }));
  const mixed = [...files, { documentId: theirs, name: '别人的.pdf', sha256: '0'.repeat(64) }];
  const second = await askPhone(mixed);
  await approve(second.challengeId);
  const res = await startWith(second, mixed);
  expect(res.status).toBe(404);
  expect(res.body.code).toBe('DOCUMENT_NOT_FOUND');
}, 120_000);

it('asks for exactly one proof: the PIN or the phone approval', async () => {
  const files = [await upload('戊.pdf', await samplePdf({ pages: 1 }))];
  const challenge = await askPhone(files);
  const both = await startWith(challenge, files, { pin: PIN });
  expect(both.status).toBe(400);
  const neither = await t.api.call('POST', '/v1/signing-batches', {
    token: lr,
    body: { sealId, documents: [{ documentId: files[0]!.documentId, placements: PLACE }] },
  });
  expect(neither.status).toBe(400);
  expect(neither.body.code).toBe('VALIDATION_FAILED');
});
