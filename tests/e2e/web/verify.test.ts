import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { pdfsig } from '../mini/signing-api';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { samplePdf, tamper } from './support/sample-pdf';
import { signWithPin } from './support/sign-by-pin';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let signed: Buffer;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-verify-'));

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  const legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  const { seals } = await legalRep.seals(XINCHUANG.companyId);
  const companySeal = seals.find((s: { kind: string }) => s.kind === 'company_name');
  await legalRep.claim(XINCHUANG.companyId, companySeal.sealId, '246810');
  signed = await signWithPin(stack.url, legalRep, {
    name: '服务合同.pdf',
    pdf: await samplePdf(3),
    sealId: companySeal.sealId,
    pin: '246810',
    placements: [{ page: 3, x: 380, y: 120 }],
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

/** 下载验证报告（PDF）: the report as the browser saves it, checked by qpdf and read by pdftotext (spaces and line breaks removed). */
async function downloadReport(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载验证报告（PDF）' }).click();
  const file = path.join(tmp, name);
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toMatch(/^验证报告-[0-9a-f]{8}\.pdf$/);
  execFileSync('qpdf', ['--check', file]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function verifyOnPage(page: Page, name: string, bytes: Buffer) {
  await page.goto('/web/verify');
  await page.getByTestId('verify-file').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  return verdict;
}

describe('免登录文档验证', () => {
  it('shows a signed file as valid, with the seal, company, time and timestamp of its signature, without logging in', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    const verdict = await verifyOnPage(page, '服务合同（已签章）.pdf', signed);
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    await expect(verdict.innerText()).resolves.toContain('文档有效');
    const signature = page.getByTestId('signature');
    await expect(signature.count()).resolves.toBe(1);
    const text = await signature.innerText();
    expect(text).toContain(XINCHUANG.name);
    // PAdES B-LT (decision 0111): the platform's own DSS follows the signature, shown as such.
    expect(text).toContain('签章后仅追加了验证数据或文档信息');
    expect(text).toMatch(/时间戳\s*\d{4}/);
    await expect(signature.getByAltText('印章图像').count()).resolves.toBe(1);
    await review(page, 'web-verify', '1-valid');
    const report = await downloadReport(page, 'report-valid.pdf');
    expect(report).toContain('验证结论：文档有效');
    expect(report).toContain(`签章人${PEOPLE.xinchuangLegalRep.name}`);
    expect(report).toContain(XINCHUANG.name);
    expect(report).toContain('签章后仅追加了验证数据或文档信息');
    await desktop.close();
  });

  it('shows a tampered file as invalid and says why', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    const verdict = await verifyOnPage(page, '服务合同（被篡改）.pdf', tamper(signed));
    expect(await verdict.getAttribute('data-verdict')).toBe('invalid');
    await expect(verdict.innerText()).resolves.toContain('文档无效');
    const reasons = await page.getByTestId('signature-reasons').innerText();
    expect(reasons.length).toBeGreaterThan(4);
    // Named as a person knows it: the seal's name, never the PDF field ("Seal1") or an ETSI code.
    const everything = await page.getByTestId('verification-report').innerText();
    expect(everything).toMatch(/签章“法定名称章”无效|第1个签章无效/);
    expect(everything).not.toMatch(/Seal\d|TOTAL_FAILED|HASH_FAILURE|INDETERMINATE/);
    await review(page, 'web-verify', '2-tampered');
    const report = await downloadReport(page, 'report-tampered.pdf');
    expect(report).toContain('验证结论：文档无效');
    expect(report).toContain('签章无效');
    expect(report).toContain(`签章人${PEOPLE.xinchuangLegalRep.name}`);
    await desktop.close();
  });

  it('refuses a file that is not a PDF in plain Chinese, with no technical detail', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/verify');
    await page.getByTestId('verify-file').setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello, not a pdf') });
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/[\u4e00-\u9fa5]/);
    expect(text).not.toMatch(/%PDF|header|no /i);
    await review(page, 'web-verify', '3-not-a-pdf');
    await desktop.close();
  });

  it('signs a file that poppler also finds valid and trusted', async () => {
    const file = path.join(tmp, 'signed.pdf');
    writeFileSync(file, signed);
    // With the platform root trusted: NSS asks the OCSP responder the certificate names (the stack).
    const rootPem = await (await fetch(`${stack.url}/v1/pki/root`)).text();
    const out = await pdfsig(rootPem, file);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
  });
});
