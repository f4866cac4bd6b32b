import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { pdfsig } from '../mini/signing-api';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { loginOnDesktop, qrPayloadOn } from './support/desktop';
import { samplePdf } from './support/sample-pdf';
import { api } from './support/api';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let legalRep: Phone;
let companySeal: { sealId: string; name: string };
const PIN = '246810';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-sign-'));

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  const { seals } = await legalRep.seals(XINCHUANG.companyId);
  companySeal = seals.find((s: { kind: string }) => s.kind === 'company_name');
  await legalRep.claim(XINCHUANG.companyId, companySeal.sealId, PIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens 在线签章, loads a 3-page PDF, drops seals on pages 1 and 2 with the 骑缝章, presses 签章. */
async function prepareOnDesktop(page: Page, opts: { fakeClock?: boolean } = {}) {
  if (opts.fakeClock) await page.clock.install();
  await loginOnDesktop(page, legalRep);
  await page.goto('/web/sign');
  await page.getByTestId('sign-seal').selectOption(companySeal.sealId);
  await page.getByTestId('sign-method').selectOption('cross_page');
  await page.getByTestId('sign-file').setInputFiles({ name: '服务合同.pdf', mimeType: 'application/pdf', buffer: await samplePdf(3) });
  await page.getByTestId('pdf-page-3').waitFor();
  await page.getByTestId('add-seal').click();
  await page.getByTestId('palette-seal').dragTo(page.getByTestId('pdf-page-2'), { targetPosition: { x: 400, y: 600 } });
  await expect(page.getByTestId('placed-seal').count()).resolves.toBe(2);
  await review(page, 'web-signing', '1-placed');
  await page.getByTestId('sign-button').click();
  return qrPayloadOn(page);
}

async function documentOf(page: Page) {
  const documentId = await page.getByTestId('confirm-signing').getAttribute('data-document-id');
  return api(stack.url, 'GET', `/v1/documents/${documentId}`, { token: legalRep.token });
}

describe('在线签章 confirmed on the phone', () => {
  it('shows the phone the document name, page count, seal and placement before it asks for the PIN', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    const payload = await prepareOnDesktop(page);
    const summary = await legalRep.scan(payload);
    expect(summary).toMatchObject({ purpose: 'sign', proof: 'pin', seal: { sealId: companySeal.sealId } });
    expect(summary.details).toMatchObject({ documentName: '服务合同.pdf', pageCount: 3, placement: '第1页1处、第2页1处、骑缝章' });
    expect(summary.details.documentDigest).toMatch(/^[0-9a-f]{64}$/);
    await review(page, 'web-signing', '2-qr');
    await desktop.close();
  });

  it('signs nothing when the phone rejects', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await legalRep.reject(await prepareOnDesktop(page));
    await page.getByTestId('sign-outcome').getByText('手机端已拒绝，文件未签章').waitFor();
    expect(await documentOf(page)).toMatchObject({ state: 'uploaded', version: 0 });
    await desktop.close();
  });

  it('signs nothing when the QR code expires, even if the phone approves afterwards', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    const payload = await prepareOnDesktop(page, { fakeClock: true });
    await page.clock.fastForward('02:00');
    await page.getByTestId('sign-outcome').getByText('二维码已失效，文件未签章').waitFor();
    await legalRep.approve(payload, { pin: PIN }).catch(() => undefined);
    await page.waitForTimeout(3000); // a poll interval and more: the page no longer asks
    expect(await documentOf(page)).toMatchObject({ state: 'uploaded', version: 0 });
    await review(page, 'web-signing', '3-expired');
    await desktop.close();
  });

  it('signs after the phone approves with the PIN; the download verifies on the page and in pdfsig', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await legalRep.approve(await prepareOnDesktop(page), { pin: PIN });
    const outcome = page.getByTestId('sign-outcome');
    await outcome.getByTestId('download-signed').waitFor();
    await review(page, 'web-signing', '4-signed');
    const [download] = await Promise.all([page.waitForEvent('download'), outcome.getByTestId('download-signed').click()]);
    const file = path.join(tmp, 'signed.pdf');
    await download.saveAs(file);
    await page.goto('/web/verify');
    await page.getByTestId('verify-file').setInputFiles(file);
    await expect(page.getByTestId('verdict').getAttribute('data-verdict')).resolves.toBe('valid');
    // With the platform root trusted: NSS asks the OCSP responder the certificate names (the stack).
    const rootPem = await (await fetch(`${stack.url}/v1/pki/root`)).text();
    const out = await pdfsig(rootPem, file);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
    await desktop.close();
  });
});
