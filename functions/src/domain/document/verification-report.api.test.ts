import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatBeijingDateTime } from '@seal/shared';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { addNote } from '../../../test-support/pdf/later-revisions';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * 验证报告 (PDF) over HTTP on the local stack: verify a signed file, download the report by its id,
 * read it as a person would (pdftotext) and check it is a sound PDF (qpdf --check).
 */
let t: DocumentsStack;
let dir: string;
let lr: string;
let companyId: string;
let sealId: string;
const PIN = '258036';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seal-report-'));
  t = await startDocumentsStack();
  companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
}, 180_000);
afterAll(async () => {
  await t?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signed(): Promise<Uint8Array> {
  const documentId = await t.api.upload(lr, '采购合同.pdf', await samplePdf({ pages: 2 }));
  const result = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 300, y: 100 }] });
  return download(result.body.downloadUrl);
}

async function reportText(reportId: string): Promise<string> {
  const res = await fetch(`${t.stack.url}/v1/verify/reports/${reportId}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('验证报告-')}`);
  const file = path.join(dir, `${reportId}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(qpdf.status).toBe(0);
  expect(qpdf.stdout).toContain('No syntax or stream encoding errors found');
  // Long values wrap across lines: read the text without its line breaks and spaces.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('验证报告 (PDF)', () => {
  it('names the signer, the verdict, the certificate and its issuer in Beijing time', async () => {
    const verified = await t.api.verify(await signed());
    expect(verified.body.verdict).toBe('valid');
    const { reportId, signatures } = verified.body;
    expect(reportId).toMatch(/^vr_[A-Za-z0-9_-]{22}$/);
    const s = signatures[0];
    const text = await reportText(reportId);
    expect(text).toContain('电子签章验证报告');
    expect(text).toContain('验证结论：文档有效');
    expect(text).toContain('签章有效');
    expect(text).toContain(s.signer.name);
    expect(text).toContain(s.signer.serialNumber);
    expect(text).toContain(verified.body.sha256);
    expect(text).toContain(s.signer.issuer.replace(/\s+/g, ''));
    const beijing = (iso: string) => `${formatBeijingDateTime(iso, { seconds: true })}（北京时间）`.replace(/\s+/g, '');
    expect(text).toContain(`证书有效期${beijing(s.signer.notBefore)}至${beijing(s.signer.notAfter)}`);
    expect(text).toContain(`签章时间${beijing(s.signingTime)}`);
    // B-LT (decision 0111): the platform's own validation data after the signature, named as such.
    expect(text).toContain('签章后仅追加了验证数据或文档信息');
  });

  it('says why, and what changed, for a file changed after signing', async () => {
    const verified = await t.api.verify(addNote(await signed()));
    const text = await reportText(verified.body.reportId);
    expect(text).toContain(`验证结论：${verified.body.verdict === 'valid' ? '文档有效' : verified.body.verdict === 'invalid' ? '文档无效' : '无法确定'}`);
    expect(text).toContain('签章后添加或修改了注释');
    expect(text).toContain('新增注释');
  });

  it('answers 404 for an unknown or malformed id, never a 5xx', async () => {
    for (const id of ['vr_AAAAAAAAAAAAAAAAAAAAAA', 'nope', '..%2F..%2Fsigned']) {
      const res = await fetch(`${t.stack.url}/v1/verify/reports/${id}`);
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('REPORT_NOT_FOUND');
    }
  });
});
