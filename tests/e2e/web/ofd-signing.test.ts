import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { loginOnDesktop, qrPayloadOn } from './support/desktop';
import { api } from './support/api';

/**
 * 在线签章 of an OFD (decision 0175): the legal representative applies for an SM2 seal (the only
 * kind that signs an OFD) and claims it, opens an OFD on the desktop, places the seal, approves
 * on the phone with the PIN, downloads the signed .ofd, and anyone verifies it without logging in.
 * The page is drawn in the browser (shared/ofd-view, decision 0200); the seal goes where it was dropped.
 */
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let legalRep: Phone;
let sm2Seal: { sealId: string };
const PIN = '246810';
const MM_PX = 72 / 25.4; // CSS pixels per millimetre at zoom 100% (one pixel per point)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-ofd-'));
const OFD = readFileSync(path.join(__dirname, '../../../functions/test-support/fixtures/ofd/helloworld.ofd'));

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  const companyId = XINCHUANG.companyId;
  const licence = await api(stack.url, 'POST', `/v1/companies/${companyId}/licence-authorizations`, { token: legalRep.token });
  await api(stack.url, 'POST', `/v1/licence-authorizations/${licence.authorizationId}/result`, { token: legalRep.token, body: { presented: true } });
  const faceTicket = await legalRep.faceTicket('seal.apply_online', { companyId });
  const applied = await api(stack.url, 'POST', `/v1/companies/${companyId}/seal-applications`, {
    token: legalRep.token,
    body: { faceTicket, licenceTicket: licence.authorizationId, kinds: ['invoice'], sealAlgorithm: 'sm2-sm3' },
  });
  sm2Seal = applied.seals[0];
  await legalRep.claim(companyId, sm2Seal.sealId, PIN);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

it('signs an OFD on the desktop with an SM2 seal, confirmed on the phone, and it verifies without login', async () => {
  const desktop = await desktopContext(browser, stack.url);
  const page = await desktop.newPage();
  await loginOnDesktop(page, legalRep);
  await page.goto('/web/sign');
  await page.getByTestId('sign-seal').selectOption(sm2Seal.sealId);
  await page.getByTestId('sign-file').setInputFiles({ name: '公文.ofd', mimeType: 'application/ofd', buffer: OFD });
  // The page itself, drawn from the OFD: its text where the file puts it (31.7 mm from the left, 25.4 mm from the top).
  const sheet = page.getByTestId('pdf-page-1');
  const text = sheet.getByText('你好呀，OFD Reader&Writer！');
  await text.waitFor({ state: 'visible' });
  const [sheetBox, textBox] = [await sheet.boundingBox(), await text.boundingBox()];
  expect((textBox!.x - sheetBox!.x) / MM_PX).toBeCloseTo(31.7, 0);
  expect((textBox!.y - sheetBox!.y) / MM_PX).toBeGreaterThan(25.4 - 1);
  expect((textBox!.y + textBox!.height - sheetBox!.y) / MM_PX).toBeLessThan(25.4 + 5 + 1);
  await page.getByText('OFD 文件，共 1 页').waitFor();
  // Dropped 120 mm from the left and 150 mm from the top of the page (zoom 100%: 1 CSS px per point).
  await page.getByTestId('palette-seal').dragTo(sheet, { targetPosition: { x: 120 * MM_PX, y: 150 * MM_PX } });
  await expect(sheet.getByTestId('placed-seal').count()).resolves.toBe(1);
  await review(page, 'web-ofd-signing', '1-placed');
  await page.getByTestId('sign-button').click();

  const payload = await qrPayloadOn(page);
  const summary = await legalRep.scan(payload);
  expect(summary).toMatchObject({ purpose: 'sign', seal: { sealId: sm2Seal.sealId } });
  expect(summary.details).toMatchObject({ documentName: '公文.ofd', pageCount: 1, placement: '第1页1处' });
  await legalRep.approve(payload, { pin: PIN });

  const outcome = page.getByTestId('sign-outcome');
  await outcome.getByTestId('download-signed').waitFor();
  await review(page, 'web-ofd-signing', '2-signed');
  const [download] = await Promise.all([page.waitForEvent('download'), outcome.getByTestId('download-signed').click()]);
  expect(download.suggestedFilename()).toBe('公文（已签章）.ofd');
  const file = path.join(tmp, '公文（已签章）.ofd');
  await download.saveAs(file);
  await desktop.close();

  // The signed file's stamp annotation: on page 1 (its ID in Document.xml), centred where the seal was dropped.
  const signed = unzipSync(new Uint8Array(readFileSync(file)));
  const signatures = strFromU8(signed['Doc_0/Signs/Signatures.xml']!);
  const signatureLoc = /BaseLoc="\/?([^"]+)"/.exec(signatures)![1]!;
  const stamp = /<ofd:StampAnnot [^>]*>/.exec(strFromU8(signed[signatureLoc]!))![0];
  expect(stamp).toContain('PageRef="1"');
  const [x, y, w, h] = /Boundary="([^"]+)"/.exec(stamp)![1]!.split(' ').map(Number) as [number, number, number, number];
  expect(x + w / 2).toBeCloseTo(120, 0);
  expect(y + h / 2).toBeCloseTo(150, 0);

  // Anyone: a fresh browser context, no login.
  const visitor = await desktopContext(browser, stack.url);
  const verifyPage = await visitor.newPage();
  await verifyPage.goto('/web/verify');
  await verifyPage.getByTestId('verify-file').setInputFiles(file);
  await expect(verifyPage.getByTestId('verdict').getAttribute('data-verdict')).resolves.toBe('valid');
  await review(verifyPage, 'web-ofd-signing', '3-verified');
  await visitor.close();
});
