import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { desktopContext, launchChromium } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, authorizeHolder, claim, companySeals } from '../mini/signing-api';
import { Phone } from '../mini/support/phone';
import { PEOPLE, XINCHUANG } from '../mini/support/people';
import { qrPayloadOn } from './support/desktop';
import { samplePdf } from './support/sample-pdf';

// 批量签章 (decisions 0165, 0210-0212): 孙丽, holder of 新创's company-name seal (granted and claimed
// over the API: not this journey's subject), logs in on the desktop by scanning its QR code with
// her phone, chooses 25 PDFs (one of them encrypted, which the platform refuses to sign), confirms
// the whole batch once on the phone with her signing PIN, and watches the desktop's progress reach
// 完成 while her phone follows the same batch. She downloads one signed file (pdfsig: valid), all
// of them in a ZIP, and the summary report, which lists every document.
const J = 'web-batch-signing';
const PIN = '582046';
const GOOD = 24;

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let sun: Phone;
let page: Page;
let dir: string;
let sealName: string;
let sealId: string;
const names = [...Array.from({ length: GOOD }, (_, i) => `发票-${String(i + 1).padStart(2, '0')}.pdf`), '加密合同.pdf'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seal-e2e-batch-'));
  stack = await startJourneyStack();
  const base = stack.url;
  const liToken = await apiLogin(base, PEOPLE.li);
  const seal = (await companySeals(base, liToken, XINCHUANG.companyId)).find((s) => s.kind === 'company_name')!;
  sealName = seal.name;
  sealId = seal.sealId;
  await claim(base, liToken, XINCHUANG.companyId, seal.sealId, '402917');
  await authorizeHolder(base, liToken, XINCHUANG.companyId, [seal.sealId], PEOPLE.sun);
  await claim(base, await apiLogin(base, PEOPLE.sun), XINCHUANG.companyId, seal.sealId, PIN);
  browser = await launchChromium();
  sun = await Phone.open(browser, base, PEOPLE.sun);
  await sun.login();
  page = await (await desktopContext(browser, base)).newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** 扫一扫 on the phone's 首页, the camera reading the desktop's QR code. */
async function scanDesktopQr() {
  const payload = await qrPayloadOn(page);
  await sun.home();
  await sun.tap('扫一扫');
  await sun.scanQr(payload);
}

/** The 25 files: 24 contracts, and one encrypted with an owner password (it opens, but the platform signs only plain PDFs). */
async function batchFiles() {
  const plain = await samplePdf(2);
  const source = path.join(dir, 'plain.pdf');
  const encrypted = path.join(dir, 'encrypted.pdf');
  writeFileSync(source, plain);
  execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', source, encrypted]);
  return names.map((name, i) => ({ name, mimeType: 'application/pdf', buffer: i < GOOD ? plain : readFileSync(encrypted) }));
}

async function save(trigger: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return file;
}

describe('批量签章 on the desktop, confirmed once on the phone', () => {
  it('logs in on the desktop with the phone', async () => {
    await page.goto('/web/login');
    await scanDesktopQr();
    await sun.see('确认电脑端登录');
    await sun.tap('人脸核验并确认');
    await sun.faceCheck();
    await sun.see('已确认，请在电脑端继续操作');
    await page.getByTestId('logged-in').waitFor();
  });

  it('uploads 25 files as they go and asks the phone to confirm the whole batch', async () => {
    await page.goto('/web/sign');
    await page.getByRole('link', { name: '批量签章' }).click();
    await page.getByRole('heading', { name: '批量签章' }).waitFor();
    await page.getByTestId('sign-seal').selectOption(sealId);
    await page.getByTestId('batch-page').selectOption('last');
    await page.getByTestId('batch-files').setInputFiles(await batchFiles());
    await page.getByTestId('batch-start').click();
    const uploads = page.getByTestId('batch-upload');
    await expect(uploads.count()).resolves.toBe(25);
    await page.getByTestId('confirm-batch').waitFor();
    await expect(page.locator('[data-testid="batch-upload"][data-state="uploaded"]').count()).resolves.toBe(25);
    await review(page, J, '1-confirm-qr');
  });

  it('shows the phone the seal, the number of files and the corner, and takes the PIN once', async () => {
    await scanDesktopQr();
    await sun.see('确认电脑网页签章');
    await sun.see(sealName);
    await sun.see('25 份（一次确认全部文件）');
    await sun.see('每个文件末页右下角');
    await sun.see('发票-01.pdf 等25个文件');
    await sun.shot(J, '2-phone-summary');
    await sun.tap('输入签章密码确认');
    await sun.see('请输入签章密码');
    for (const digit of PIN) await sun.screen.locator('.pin-keypad__key', { hasText: new RegExp(`^${digit}$`) }).tap();
    await sun.tap('确认签章');
    await sun.see('已确认，请在电脑端继续操作');
  });

  it('shows the progress reach 完成 on the desktop, the encrypted file refused with its message', async () => {
    const progress = page.getByTestId('batch-progress');
    await progress.waitFor();
    await page.locator('[data-testid="batch-progress"][data-state="done"]').waitFor({ timeout: 120_000 });
    await progress.getByRole('heading', { name: '批量签章完成' }).waitFor();
    await expect(page.getByTestId('batch-counts').innerText()).resolves.toBe('共 25 份：已签章 24 份，未签章 1 份，处理中 0 份');
    const refused = page.locator('[data-testid="batch-document"][data-state="failed"]');
    await expect(refused.count()).resolves.toBe(1);
    await expect(refused.innerText()).resolves.toMatch(/^加密合同\.pdf\s+该PDF文件已加密，无法处理/);
    await review(page, J, '3-done');
  });

  it('lets the phone follow the same batch', async () => {
    await sun.tap('查看批量签章进度');
    await sun.see('批量签章 25 份文件');
    await sun.tap('查看进度');
    await sun.see('批量签章完成');
    await sun.see('未签章的文件');
    await sun.see('加密合同.pdf');
    await sun.see('该PDF文件已加密，无法处理');
    await sun.shot(J, '4-phone-progress');
  });

  it('downloads a signed file that pdfsig finds valid, all of them in a ZIP, and a report that lists every document', async () => {
    const first = page.locator('[data-testid="batch-document"]', { hasText: '发票-01.pdf' });
    const file = await save(() => first.getByRole('button', { name: '下载' }).click(), 'one.pdf');
    // pdfsig exits non-zero for a certificate it cannot trust; the signature's own verdict is in its report.
    expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');

    const zip = unzipSync(readFileSync(await save(() => page.getByTestId('batch-download-all').click(), 'all.zip')));
    expect(Object.keys(zip).sort()).toEqual(names.slice(0, GOOD).map((n) => n.replace('.pdf', '（已签章）.pdf')));
    expect(Buffer.from(zip['发票-24（已签章）.pdf']!.subarray(0, 5)).toString()).toBe('%PDF-');

    const report = readFileSync(await save(() => page.getByTestId('batch-report').click(), 'report.csv'), 'utf8');
    expect(report).toContain('"文件总数","25","已签章","24","未签章","1","处理中","0"');
    for (const name of names.slice(0, GOOD)) expect(report).toMatch(new RegExp(`"${name}","[^"]+","已签章","1"`));
    expect(report).toMatch(/"加密合同\.pdf","[^"]+","未签章","","PDF_ENCRYPTED","该PDF文件已加密，无法处理"/);
  });
});
