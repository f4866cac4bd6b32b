import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { ATTACKS } from '../../../test-support/pdf/attacks';
import { addDocumentTimestamp, updateInfo } from '../../../test-support/pdf/later-revisions';
import { pageCountLie, xrefStreamBomb } from '../../../test-support/pdf/hostile';
import { signingWorld } from '../../../test-support/pdf/signed-fixtures';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * 免登录文档验证 over HTTP on the local stack, as anyone would use it: every forged document of
 * issue 14 is answered not valid with its reasons in Chinese, benign later changes stay valid, and
 * hostile files get a 422 with a stable code. The platform signs through the API; the attacks are
 * made on the downloaded file.
 */
let t: DocumentsStack;
let holder: string;
let sealId: string;
const PIN = '258036';

beforeAll(async () => {
  t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  holder = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: holder });
  sealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(holder, companyId, sealId, PIN);
}, 180_000);
afterAll(() => t?.stop());

/** The platform signs: upload, sign on page 1, download. */
async function platformSign(pdf: Uint8Array): Promise<Uint8Array> {
  const documentId = await t.api.upload(holder, '合同.pdf', pdf);
  const signed = await t.api.sign(holder, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 380, y: 80 }] });
  if (signed.status !== 200) throw new Error(`signing failed: ${JSON.stringify(signed.body)}`);
  return download(signed.body.downloadUrl);
}

describe('POST /v1/verify on forged documents', () => {
  it.each(ATTACKS.map((a) => [a.family, a.name, a] as const))('%s: %s → not valid, with a reason', async (_family, _name, attack) => {
    const forged = await attack.make({ sign: platformSign });
    const res = await t.api.verify(forged);
    expect(res.status).toBe(200);
    expect(res.body.verdict).not.toBe('valid');
    expect(res.body.indication).not.toBe('TOTAL_PASSED');
    const first = res.body.signatures[0];
    expect(first.indication).toBe('TOTAL_FAILED');
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(first.reasons[0]).toMatch(/[\u4e00-\u9fa5]/);
    expect(first.findings[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('POST /v1/verify on benign later changes', () => {
  it('keeps a platform signature valid after an Info update and a document timestamp, naming each change', async () => {
    const world = await signingWorld(new Date());
    const signed = await platformSign(await samplePdf());
    const changed = await addDocumentTimestamp(updateInfo(signed), { ...world, now: new Date() });
    // The document timestamp comes from a TSA the platform does not trust: it is indeterminate, the seal stays valid.
    const res = await t.api.verify(changed);
    expect(res.status).toBe(200);
    expect(res.body.signatures[0]).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED', modifiedAfter: 'ltv_updates', platform: { sealId } });
    expect(res.body.signatures[0].modifications.map((m: { code: string }) => m.code)).toEqual(['DSS_UPDATED', 'INFO_UPDATED', 'DOCUMENT_TIMESTAMP_ADDED']); // the platform's own B-LT DSS first (decision 0111)
    expect(res.body.signatures[0].reasons.join('\n')).toContain('签章后的允许变更');
    expect(res.body.signatures[1]).toMatchObject({ kind: 'document_timestamp', indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
  });
});

describe('POST /v1/verify on hostile files', () => {
  it.each([
    ['a 4 KB cross-reference stream claiming two million entries', xrefStreamBomb()],
    ['ten revisions of that stream', xrefStreamBomb(1_999_999, 10)],
    ['a page tree claiming 20,000,000 pages', pageCountLie()],
  ])('answers %s with 422 PDF_UNREADABLE', async (_label, bytes) => {
    const res = await t.api.verify(bytes);
    expect([res.status, res.body.code]).toEqual([422, 'PDF_UNREADABLE']);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
