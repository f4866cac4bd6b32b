import { PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { getServices } from '../../composition';
import { CERTIFICATION_LEVEL_LABELS, ERRORS } from '@seal/shared';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { signingWorld } from '../../../test-support/pdf/signed-fixtures';
import { certify, formPdf } from '../../../test-support/pdf/later-revisions';
import { pageCountLie } from '../../../test-support/pdf/hostile';
import { download, putBytes } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * The documents API over HTTP on the local stack: upload by presigned URL, sign (one, 骑缝章,
 * batch), verify; the signing gate's refusals leave nothing behind.
 */
let t: DocumentsStack;
let lr: string; // 李娜, legal representative of the newly registered 新创
let holder: string; // 孙丽, holder of 新创's contract seal
let companyId: string;
let nameSealId: string;
let contractSealId: string;
let grantId: string;
const LR_PIN = '258036';
const HOLDER_PIN = '470913';

beforeAll(async () => {
  t = await startDocumentsStack();
  companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  nameSealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  contractSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(lr, companyId, nameSealId, LR_PIN);

  const grantFace = await t.api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [contractSealId] });
  const { name, idNumber, phone } = t.person('holder');
  const grant = await t.api.expect(201, 'grant', 'POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [contractSealId], grantee: { name, idNumber, phone }, faceTicket: grantFace },
  });
  grantId = grant.grantId;
  holder = await t.api.login(t.person('holder'));
  await t.api.claimSeal(holder, companyId, contractSealId, HOLDER_PIN);
}, 180_000);
afterAll(() => t?.stop());

const threePages = () => samplePdf({ pages: 3 });

async function documentOf(token: string, documentId: string) {
  return t.api.expect(200, 'document', 'GET', `/v1/documents/${documentId}`, { token });
}

describe('用印记录 and 我的文件', () => {
  // Before the grant is cancelled below.
  it('lists who signed what with a seal for the legal representative, not for its holder, and the holder\'s own signed files', async () => {
    const documentId = await t.api.upload(holder, '用印记录测试.pdf', await threePages());
    const signed = await t.api.sign(holder, documentId, { sealId: contractSealId, pin: HOLDER_PIN, placements: [{ page: 1, x: 200, y: 200 }] });
    expect(signed.status).toBe(200);

    const records = await t.api.expect(200, 'records', 'GET', `/v1/seals/${contractSealId}/signing-records`, { token: lr });
    expect(records.seal).toMatchObject({ sealId: contractSealId, companyId });
    const record = records.items.find((r: { documentId: string }) => r.documentId === documentId);
    expect(record).toMatchObject({ documentName: '用印记录测试.pdf', version: 1, sha256: signed.body.sha256, signerName: t.person('holder').name });
    // Newest first.
    expect(records.items.map((r: { signedAt: string }) => r.signedAt)).toEqual([...records.items.map((r: { signedAt: string }) => r.signedAt)].sort().reverse());

    const refused = await t.api.call('GET', `/v1/seals/${contractSealId}/signing-records`, { token: holder });
    expect(refused.status).toBe(403);
    // A seal that does not exist answers as one the caller may not see (no enumeration, decision 0103).
    expect((await t.api.call('GET', `/v1/seals/seal-none/signing-records`, { token: lr })).status).toBe(403);
    expect((await t.api.call('GET', `/v1/seals/${contractSealId}/signing-records?cursor=forged`, { token: lr })).status).toBe(400);

    const mine = await t.api.expect(200, 'mine', 'GET', '/v1/documents/mine', { token: holder });
    expect(mine.items.find((d: { documentId: string }) => d.documentId === documentId)).toMatchObject({ name: '用印记录测试.pdf', version: 1, signatures: 1 });
    // Only my own, signed ones.
    const theirs = await t.api.expect(200, 'mine', 'GET', '/v1/documents/mine', { token: lr });
    expect(theirs.items.map((d: { documentId: string }) => d.documentId)).not.toContain(documentId);
    // A second signing: both lists come a page at a time with their cursor.
    const second = await t.api.upload(holder, '第二份合同.pdf', await threePages());
    expect((await t.api.sign(holder, second, { sealId: contractSealId, pin: HOLDER_PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
    for (const path of ['/v1/documents/mine', `/v1/seals/${contractSealId}/signing-records`]) {
      const token = path.startsWith('/v1/documents') ? holder : lr;
      const page1 = await t.api.expect(200, 'page 1', 'GET', `${path}?limit=1`, { token });
      expect(page1.items).toHaveLength(1);
      expect(page1.items[0].documentId).toBe(second);
      const page2 = await t.api.expect(200, 'page 2', 'GET', `${path}?limit=1&cursor=${encodeURIComponent(page1.cursor)}`, { token });
      expect(page2.items.map((d: { documentId: string }) => d.documentId)).toEqual([documentId]);
      expect((await t.api.call('GET', `${path}?limit=51`, { token })).status).toBe(400);
    }
  });
});

describe('signing over the API', () => {
  it('lets a holder sign a multi-page PDF at a position, and the signed file verifies as valid', async () => {
    const documentId = await t.api.upload(holder, '采购合同.pdf', await threePages());
    const before = await documentOf(holder, documentId);
    expect(before).toMatchObject({ name: '采购合同.pdf', state: 'uploaded', pages: 3, signatures: 0, version: 0 });

    const signed = await t.api.sign(holder, documentId, {
      sealId: contractSealId,
      pin: HOLDER_PIN,
      placements: [{ page: 2, x: 380, y: 120 }],
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ documentId, version: 1, pages: 3, signatures: 1 });

    const bytes = await download(signed.body.downloadUrl);
    const report = await t.api.verify(bytes);
    expect(report.status).toBe(200);
    expect(report.body.verdict).toBe('valid');
    expect(report.body.signatures).toHaveLength(1);
    expect(report.body.signatures[0].platform).toMatchObject({
      companyId,
      sealId: contractSealId,
      sealKind: 'contract',
      sealStateNow: 'active',
    });
    expect(report.body.signatures[0].sealImageSvg).toMatch(/^<svg /);
    // The seal is on page 2 only.
    const pages = (await PDFDocument.load(bytes)).getPages();
    expect(pages.map((p) => (p.node.lookup(PDFName.of('Annots')) as PDFArray | undefined)?.size() ?? 0)).toEqual([0, 1, 0]);

    expect(await documentOf(holder, documentId)).toMatchObject({ state: 'signed', pages: 3, signatures: 1, version: 1 });
  });

  it('refuses a wrong PIN, counts it, and stores nothing', async () => {
    const documentId = await t.api.upload(holder, 'a.pdf', await threePages());
    const refused = await t.api.sign(holder, documentId, {
      sealId: contractSealId,
      pin: '000111',
      placements: [{ page: 1, x: 100, y: 100 }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PIN_INCORRECT');
    const data = await getServices().store.credentials.ofSeal(contractSealId);
    expect(data.find((c) => c.state === 'active')?.failedAttempts).toBe(1);
    expect(await documentOf(holder, documentId)).toMatchObject({ version: 0, signatures: 0 });
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
    // The right PIN resets the count and signs.
    const ok = await t.api.sign(holder, documentId, { sealId: contractSealId, pin: HOLDER_PIN, placements: [{ page: 1, x: 100, y: 100 }] });
    expect(ok.status).toBe(200);
  });

  it('refuses a frozen seal with SEAL_FROZEN and stores nothing', async () => {
    const documentId = await t.api.upload(holder, 'b.pdf', await threePages());
    const freeze = await t.api.faceTicket(lr, 'seal.freeze', { companyId, sealIds: [contractSealId] });
    await t.api.expect(200, 'freeze', 'POST', `/v1/companies/${companyId}/seals/freeze`, {
      token: lr,
      body: { faceTicket: freeze, sealIds: [contractSealId], reason: '印章疑似被盗用' },
    });
    try {
      const refused = await t.api.sign(holder, documentId, {
        sealId: contractSealId,
        pin: HOLDER_PIN,
        placements: [{ page: 1, x: 100, y: 100 }],
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SEAL_FROZEN');
      expect(await documentOf(holder, documentId)).toMatchObject({ version: 0, signatures: 0, state: 'uploaded' });
      expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
    } finally {
      const unfreeze = await t.api.faceTicket(lr, 'seal.unfreeze', { companyId, sealIds: [contractSealId] });
      await t.api.expect(200, 'unfreeze', 'POST', `/v1/companies/${companyId}/seals/unfreeze`, {
        token: lr,
        body: { faceTicket: unfreeze, sealIds: [contractSealId], reason: '核实无误，解除冻结' },
      });
    }
  });

  it('signs with a 骑缝章 across every page', async () => {
    const documentId = await t.api.upload(lr, 'c.pdf', await threePages());
    const signed = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, crossPage: true });
    expect(signed.status).toBe(200);
    const bytes = await download(signed.body.downloadUrl);
    expect((await t.api.verify(bytes)).body.verdict).toBe('valid');
    const pages = (await PDFDocument.load(bytes)).getPages();
    expect(pages.map((p) => (p.node.lookup(PDFName.of('Annots')) as PDFArray | undefined)?.size() ?? 0)).toEqual([1, 1, 1]);
  });

  it('signs a batch with one PIN check, each document succeeding or failing on its own', async () => {
    const first = await t.api.upload(lr, 'd1.pdf', await threePages());
    const second = await t.api.upload(lr, 'd2.pdf', await samplePdf({ pages: 1 }));
    const someoneElses = await t.api.upload(holder, 'h.pdf', await threePages());
    const res = await t.api.call('POST', '/v1/documents/sign-batch', {
      token: lr,
      body: {
        sealId: nameSealId,
        pin: LR_PIN,
        documents: [
          { documentId: first, placements: [{ page: 3, x: 300, y: 100 }] },
          { documentId: someoneElses, placements: [{ page: 1, x: 300, y: 100 }] },
          { documentId: second, placements: [{ page: 5, x: 300, y: 100 }] },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code))).toEqual([
      'ok',
      'DOCUMENT_NOT_FOUND',
      'PDF_PAGE_NOT_FOUND',
    ]);
    expect(res.body).toMatchObject({ signed: 1, failed: 2 });
    expect((await t.api.verify(await download(res.body.results[0].document.downloadUrl))).body.verdict).toBe('valid');
    expect(await documentOf(holder, someoneElses)).toMatchObject({ version: 0 });

    const wrongPin = await t.api.call('POST', '/v1/documents/sign-batch', {
      token: lr,
      body: { sealId: nameSealId, pin: '999000', documents: [{ documentId: second, placements: [{ page: 1, x: 1, y: 1 }] }] },
    });
    expect(wrongPin.body.code).toBe('PIN_INCORRECT');
  });

  it('keeps a document to its owner', async () => {
    const documentId = await t.api.upload(lr, 'f.pdf', await threePages());
    const res = await t.api.call('GET', `/v1/documents/${documentId}`, { token: holder });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('lets a second company sign the same document, and both signatures stay valid', async () => {
    const documentId = await t.api.upload(lr, '合作协议.pdf', await threePages());
    const first = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 3, x: 100, y: 100 }] });
    const onceSigned = await download(first.body.downloadUrl);

    const other = t.companyOf('lr-xinghe').creditCode;
    const otherLr = await t.api.login(t.person('lr-xinghe'));
    const started = await t.api.expect(201, 'licence', 'POST', `/v1/companies/${other}/licence-authorizations`, { token: otherLr });
    const licence = await t.api.expect(200, 'licence result', 'POST', `/v1/licence-authorizations/${started.authorizationId}/result`, {
      token: otherLr,
      body: { presented: true },
    });
    const applyFace = await t.api.faceTicket(otherLr, 'seal.apply_online', { companyId: other });
    const applied = await t.api.expect(201, 'apply', 'POST', `/v1/companies/${other}/seal-applications`, {
      token: otherLr,
      body: { faceTicket: applyFace, licenceTicket: licence.authorizationId, kinds: ['company_name'] },
    });
    const otherSeal = applied.seals[0].sealId;
    await t.api.claimSeal(otherLr, other, otherSeal, LR_PIN);
    const copy = await t.api.upload(otherLr, '合作协议（甲方已签）.pdf', onceSigned);
    const second = await t.api.sign(otherLr, copy, { sealId: otherSeal, pin: LR_PIN, placements: [{ page: 3, x: 350, y: 100 }] });
    expect(second.body.signatures).toBe(2);

    const report = (await t.api.verify(await download(second.body.downloadUrl))).body;
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s: { verdict: string; platform: { companyId: string } }) => [s.verdict, s.platform.companyId])).toEqual([
      ['valid', companyId],
      ['valid', other],
    ]);
  });

  it('stops a holder at once when the grant is cancelled', async () => {
    const documentId = await t.api.upload(holder, 'g.pdf', await threePages());
    await t.api.expect(200, 'cancel', 'POST', `/v1/companies/${companyId}/grants/${grantId}/cancel`, { token: lr });
    const refused = await t.api.sign(holder, documentId, {
      sealId: contractSealId,
      pin: HOLDER_PIN,
      placements: [{ page: 1, x: 100, y: 100 }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_AUTHORIZED');
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });
});

describe('certification (DocMDP) over the API', () => {
  // The legal representative seals here: the holder's grant was cancelled above.
  it('certifies a document with its first seal, says what the certification allows, and a later seal keeps both valid', async () => {
    const documentId = await t.api.upload(lr, '认证合同.pdf', await threePages());
    expect(await documentOf(lr, documentId)).toMatchObject({ certification: null });
    const certified = await t.api.sign(lr, documentId, {
      sealId: nameSealId,
      pin: LR_PIN,
      placements: [{ page: 1, x: 380, y: 80 }],
      certify: { level: 2 },
    });
    expect(certified.status).toBe(200);
    const allows = { level: 2, allows: CERTIFICATION_LEVEL_LABELS[2] };
    expect(certified.body.certification).toEqual(allows);
    expect(await documentOf(lr, documentId)).toMatchObject({ signatures: 1, certification: allows });
    // A later seal on a P=2 certification: both signatures valid, the certification kept.
    const later = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 2, x: 80, y: 80 }] });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ signatures: 2, certification: allows });
    const report = await t.api.verify(await download(later.body.downloadUrl));
    expect(report.body).toMatchObject({ verdict: 'valid', certification: { level: 2 } });
    expect(report.body.signatures.map((s: { verdict: string }) => s.verdict)).toEqual(['valid', 'valid']);
  });

  it('shows a document certified elsewhere with P=1 as allowing nothing, refuses to seal it with 422, and stores nothing', async () => {
    const world = await signingWorld();
    const documentId = await t.api.upload(lr, '不可修改.pdf', await certify(await formPdf(), world, 1));
    expect(await documentOf(lr, documentId)).toMatchObject({ signatures: 1, certification: { level: 1, allows: CERTIFICATION_LEVEL_LABELS[1] } });
    const refused = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 100, y: 100 }] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES', message: ERRORS.PDF_CERTIFIED_NO_CHANGES.message });
    expect(await documentOf(lr, documentId)).toMatchObject({ version: 0, state: 'uploaded' });
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });

  it('refuses to certify with a later seal (422) and a level other than 1–3 (400)', async () => {
    const documentId = await t.api.upload(lr, '已签.pdf', await threePages());
    const place = { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 100, y: 100 }] };
    const badLevel = await t.api.sign(lr, documentId, { ...place, certify: { level: 4 } });
    expect(badLevel.status).toBe(400);
    expect((await t.api.sign(lr, documentId, place)).status).toBe(200);
    const late = await t.api.sign(lr, documentId, { ...place, certify: { level: 3 } });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('PDF_CERTIFICATION_NOT_FIRST');
    expect(await documentOf(lr, documentId)).toMatchObject({ version: 1, signatures: 1, certification: null });
  });
});

describe('retried signing requests (decision 0047)', () => {
  const body = (requestId: string, x = 300) => ({ sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x, y: 100 }], requestId });

  it('signs once for a retried request with the same request id, and the retry gets the first result', async () => {
    const documentId = await t.api.upload(lr, 'e.pdf', await threePages());
    const first = await t.api.sign(lr, documentId, body('retry-0001-abcdef'));
    const again = await t.api.sign(lr, documentId, body('retry-0001-abcdef'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, signatures: 1, sha256: first.body.sha256 });
    expect(await t.objectsUnder(`signed/${documentId}/`)).toHaveLength(1);
  });

  it('answers requests that overlap the first with its result: one signature, every request 200', async () => {
    const documentId = await t.api.upload(lr, 'overlap.pdf', await threePages());
    // Sent together: the later ones arrive while the first is still signing.
    const answers = await Promise.all([1, 2, 3].map(() => t.api.sign(lr, documentId, body('overlap-0001-abcdef'))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.sha256)).size).toBe(1);
    expect(answers[0]!.body).toMatchObject({ version: 1, signatures: 1 });
    expect(await documentOf(lr, documentId)).toMatchObject({ version: 1, signatures: 1 });
    expect(await t.objectsUnder(`signed/${documentId}/`)).toHaveLength(1);
    const report = (await t.api.verify(await download(answers[2]!.body.downloadUrl))).body;
    expect([report.verdict, report.signatures.length]).toEqual(['valid', 1]);
  });

  it('refuses the same request id for another placement with a 4xx, and signs nothing for it', async () => {
    const documentId = await t.api.upload(lr, 'reused.pdf', await threePages());
    await t.api.sign(lr, documentId, body('reused-0001-abcdef'));
    const other = await t.api.sign(lr, documentId, body('reused-0001-abcdef', 100));
    expect([other.status, other.body.code]).toEqual([422, 'REQUEST_ID_REUSED']);
    // Asking to certify is part of the request too.
    const certifying = await t.api.sign(lr, documentId, { ...body('reused-0001-abcdef'), certify: { level: 2 } });
    expect([certifying.status, certifying.body.code]).toEqual([422, 'REQUEST_ID_REUSED']);
    expect(await documentOf(lr, documentId)).toMatchObject({ version: 1, signatures: 1 });
  });

  it('lets a request that failed (a wrong PIN) be retried with its id', async () => {
    const documentId = await t.api.upload(lr, 'pin.pdf', await threePages());
    const wrong = await t.api.sign(lr, documentId, { ...body('pin-retry-0001'), pin: '999000' });
    expect(wrong.body.code).toBe('PIN_INCORRECT');
    const right = await t.api.sign(lr, documentId, body('pin-retry-0001'));
    expect([right.status, right.body.version]).toEqual([200, 1]);
  });
});

describe('bad input', () => {
  it('answers DOCUMENT_FORMAT_UNSUPPORTED for a file of no known format, signed, read or verified', async () => {
    const text = new TextEncoder().encode('这不是PDF文件，只是一段文字。'.repeat(20));
    const documentId = await t.api.upload(lr, 'notes.pdf', text);
    const signed = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 1, y: 1 }] });
    expect([signed.status, signed.body.code]).toEqual([415, 'DOCUMENT_FORMAT_UNSUPPORTED']);
    const read = await t.api.call('GET', `/v1/documents/${documentId}`, { token: lr });
    expect([read.status, read.body.code]).toEqual([415, 'DOCUMENT_FORMAT_UNSUPPORTED']);
    const verified = await t.api.verify(text);
    expect([verified.status, verified.body.code]).toEqual([415, 'DOCUMENT_FORMAT_UNSUPPORTED']);
    // A zip header (what an OFD package is) over nothing a zip reader can read.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    expect((await t.api.verify(zip)).body.code).toBe('OFD_UNREADABLE');
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });

  it('answers PDF_UNREADABLE for a PDF that cannot be read', async () => {
    const truncated = (await samplePdf({ pages: 2 })).subarray(0, 500);
    expect((await t.api.verify(truncated)).body.code).toBe('PDF_UNREADABLE');
    const documentId = await t.api.upload(lr, 'broken.pdf', truncated);
    const signed = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 1, y: 1 }] });
    expect([signed.status, signed.body.code]).toEqual([422, 'PDF_UNREADABLE']);
  });

  it('refuses a 骑缝章 on a page tree claiming 20,000,000 pages with 422 before any work, and stores nothing', async () => {
    const documentId = await t.api.upload(lr, 'lying.pdf', pageCountLie());
    const signed = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, crossPage: true });
    expect([signed.status, signed.body.code]).toEqual([422, 'PDF_UNREADABLE']);
    expect(signed.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await t.objectsUnder(`signed/${documentId}/`)).toEqual([]);
  });

  it('answers PDF_NOT_SIGNED for a readable PDF without signatures', async () => {
    const res = await t.api.verify(await threePages());
    expect([res.status, res.body.code]).toEqual([422, 'PDF_NOT_SIGNED']);
  });

  it('refuses an upload that is not what was declared', async () => {
    const declared = await threePages();
    const ticket = await t.api.expect(201, 'upload', 'POST', '/v1/documents', {
      token: lr,
      body: { name: 'x.pdf', size: declared.length, sha256: 'a'.repeat(64) },
    });
    await putBytes(ticket.uploadUrl, ticket.uploadHeaders, declared);
    const res = await t.api.sign(lr, ticket.documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 1, y: 1 }] });
    expect([res.status, res.body.code]).toEqual([422, 'DOCUMENT_MISMATCH']);
  });

  it('refuses a document over 50 MB before any upload', async () => {
    const res = await t.api.call('POST', '/v1/documents', { token: lr, body: { name: 'big.pdf', size: 50 * 1024 * 1024 + 1 } });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('verification of a large file by presigned upload', () => {
  it('verifies the uploaded file once, then forgets it', async () => {
    const documentId = await t.api.upload(lr, 'v.pdf', await threePages());
    const signed = await t.api.sign(lr, documentId, { sealId: nameSealId, pin: LR_PIN, placements: [{ page: 1, x: 300, y: 100 }] });
    const bytes = await download(signed.body.downloadUrl);
    const ticket = await t.api.expect(201, 'verify upload', 'POST', '/v1/verify/uploads', { body: { size: bytes.length } });
    await putBytes(ticket.uploadUrl, ticket.uploadHeaders, bytes);
    const report = await t.api.call('POST', '/v1/verify/by-upload', { body: { documentId: ticket.documentId } });
    expect(report.status).toBe(200);
    expect(report.body.verdict).toBe('valid');
    const again = await t.api.call('POST', '/v1/verify/by-upload', { body: { documentId: ticket.documentId } });
    expect(again.body.code).toBe('DOCUMENT_NOT_FOUND');
    expect(await t.objectsUnder(`verify/${ticket.documentId}`)).toEqual([]);
  });
});
