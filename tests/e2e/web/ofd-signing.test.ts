import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { partOf, resolvePart as resolve } from '../../support/ofd-package';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { loginOnDesktop, qrPayloadOn } from './support/desktop';
import { api } from './support/api';
import { Phone as PhonePages } from '../mini/support/phone';
import { PEOPLE as PHONE_PEOPLE } from '../mini/support/people';

/**
 * 在线签章 of an OFD (decision 0175): the legal representative applies for an SM2 seal (the only
 * kind that signs an OFD) and claims it, opens an OFD on the desktop, places the seal, approves
 * on the phone with the PIN, downloads the signed .ofd, and anyone verifies it without logging in.
 * The page is drawn in the browser (shared/ofd-view, decision 0200); the seal goes where it was dropped.
 * Then a 骑缝章 across an 11-page OFD drawn with its embedded font (decision 0242), confirmed on the phone's own
 * pages (扫一扫, the summary, the PIN keypad), and its slices read from the file with unzip and an
 * XML parser (decision 0241).
 */
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let legalRep: Phone;
let sm2Seal: { sealId: string };
const PIN = '246810';
const MM_PX = 72 / 25.4; // CSS pixels per millimetre at zoom 100% (one pixel per point)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-ofd-'));
const FIXTURES = path.join(__dirname, '../../../functions/test-support/fixtures/ofd');
const OFD = readFileSync(path.join(FIXTURES, 'helloworld.ofd'));
/**
 * ofdrw's 11-page sample, its embedded font (a SimSun subset without cmap or OS/2, which browsers
 * refuse) replaced by a complete TrueType one: Liberation Sans, shipped by pdf.js, which both apps use.
 */
const ELEVEN_PAGES = zipSync({
  ...unzipSync(new Uint8Array(readFileSync(path.join(FIXTURES, 'doc1File.ofd')))),
  'Doc_1/Res/font_1.otf': new Uint8Array(readFileSync(require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'))),
});

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  const companyId = XINCHUANG.companyId;
  const licence = await api(stack.url, 'POST', `/v1/companies/${companyId}/licence-authorizations`, { token: legalRep.token });
  await api(stack.url, 'POST', `/v1/licence-authorizations/${licence.authorizationId}/result`, {
    token: legalRep.token,
    body: { presented: true },
  });
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

it('seals an 11-page OFD with a 骑缝章 on the desktop, confirmed on the phone’s pages, a slice on every page, and it verifies without login', async () => {
  const phone = await PhonePages.open(browser, stack.url, PHONE_PEOPLE.li);
  await phone.login();
  const desktop = await desktopContext(browser, stack.url);
  const page = await desktop.newPage();
  /** 扫一扫 on the phone's 首页, the camera reading the desktop's QR code. */
  const scanDesktopQr = async () => {
    const payload = await qrPayloadOn(page);
    await phone.home();
    await phone.tap('扫一扫');
    await phone.scanQr(payload);
  };
  // 立即登录 on the desktop, confirmed on the phone with a face check.
  await page.goto('/web/login');
  await scanDesktopQr();
  await phone.see('确认电脑端登录');
  await phone.tap('人脸核验并确认');
  await phone.faceCheck();
  await phone.see('已确认，请在电脑端继续操作');
  await page.getByTestId('logged-in').waitFor();
  await page.goto('/web/sign');
  await page.getByTestId('sign-seal').selectOption(sm2Seal.sealId);
  await page.getByTestId('sign-method').selectOption('cross_page');
  await page
    .getByTestId('sign-file')
    .setInputFiles({ name: '年度报告.ofd', mimeType: 'application/ofd', buffer: Buffer.from(ELEVEN_PAGES) });
  await page.getByText('OFD 文件，共 11 页').waitFor();
  await page.getByTestId('pdf-page-11').waitFor();
  // The text is drawn with the document's own font (decision 0242): Chromium loaded the embedded face.
  await page.waitForFunction(() => {
    let loaded = false;
    document.fonts.forEach((f) => (loaded ||= f.family.replace(/"/g, '') === 'ofd-p0-font-0' && f.status === 'loaded'));
    return loaded;
  });
  // The 骑缝章 is previewed on every page, at its right edge.
  await expect(page.getByTestId('cross-page-slice').count()).resolves.toBe(11);
  await expect(page.getByText('已放置 0 处，另加骑缝章').count()).resolves.toBe(1);
  await review(page, 'web-ofd-signing', '4-cross-page');
  await page.getByTestId('sign-button').click();

  // The phone: 扫一扫 again, the summary, the PIN on the keypad.
  await scanDesktopQr();
  await phone.see('确认电脑网页签章');
  await phone.see('年度报告.ofd');
  await phone.see('骑缝章');
  await phone.shot('web-ofd-signing', '5-phone-summary');
  await phone.tap('输入签章密码确认');
  await phone.see('请输入签章密码');
  for (const digit of PIN) await phone.screen.locator('.pin-keypad__key', { hasText: new RegExp(`^${digit}$`) }).tap();
  await phone.tap('确认签章');
  await phone.see('已确认，请在电脑端继续操作');
  await phone.close();

  const outcome = page.getByTestId('sign-outcome');
  await outcome.getByTestId('download-signed').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), outcome.getByTestId('download-signed').click()]);
  expect(download.suggestedFilename()).toBe('年度报告（已签章）.ofd');
  const file = path.join(tmp, '年度报告（已签章）.ofd');
  await download.saveAs(file);
  await desktop.close();

  // Read independently: OFD.xml → the document's pages (ID, PhysicalBox) → Signatures.xml → the one signature's stamps.
  const ofd = partOf(file, 'OFD.xml').OFD as { DocBody: { DocRoot: string; Signatures: string } };
  const docPath = ofd.DocBody.DocRoot.replace(/^\//, '');
  const docXml = partOf(file, docPath).Document as {
    CommonData: { PageArea: { PhysicalBox: string } };
    Pages: { Page: { ID: string; BaseLoc: string }[] };
  };
  const pageIds = docXml.Pages.Page.map((p) => String(p.ID));
  expect(pageIds).toHaveLength(11);
  // Each page's own PhysicalBox (Content.xml's Area), else the document's.
  const pageSizes = docXml.Pages.Page.map((p) => {
    const own = (partOf(file, resolve(docPath, p.BaseLoc)).Page as { Area?: { PhysicalBox?: string } }).Area?.PhysicalBox;
    const [, , width, height] = (own ?? docXml.CommonData.PageArea.PhysicalBox).split(' ').map(Number) as [number, number, number, number];
    return { width, height };
  });
  const listPath = ofd.DocBody.Signatures.replace(/^\//, '');
  const signatures = (partOf(file, listPath).Signatures as { Signature: { BaseLoc: string; Type?: string }[] }).Signature;
  expect(signatures).toHaveLength(1);
  const signaturePath = resolve(listPath, signatures[0]!.BaseLoc);
  const signed = (
    partOf(file, signaturePath).Signature as {
      SignedInfo: { StampAnnot: Record<string, string>[]; References: { Reference: { FileRef: string }[] } };
    }
  ).SignedInfo;
  const stamps = signed.StampAnnot;
  // One slice on every page, each page once, in page order.
  expect(stamps.map((s) => String(s.PageRef))).toEqual(pageIds);
  const boxes = stamps.map((s) => s.Boundary!.split(' ').map(Number) as [number, number, number, number]);
  const clips = stamps.map((s) => s.Clip!.split(' ').map(Number) as [number, number, number, number]);
  const [, y, width, height] = boxes[0]!;
  const slice = width / 11;
  boxes.forEach(([bx, by, bw, bh], i) => {
    // The same seal everywhere, centred on the first page's height (as the PDF one is on each page); page i shows the seal's i-th slice at its right edge.
    expect([by, bw, bh]).toEqual([y, width, height]);
    expect(by + bh / 2).toBeCloseTo(pageSizes[0]!.height / 2, 1);
    const [cx, cy, cw, ch] = clips[i]!;
    expect([cx, cy, cw, ch].map((n) => Number(n.toFixed(3)))).toEqual([slice * i, 0, slice, height].map((n) => Number(n.toFixed(3))));
    expect(bx + cx + cw).toBeCloseTo(pageSizes[i]!.width, 2);
  });
  // Together the slices are the whole seal: each starts where the previous one ended (to the file's rounding).
  expect(clips.reduce((end, [cx, , cw]) => (Math.abs(cx - end) < 0.01 ? cx + cw : NaN), 0)).toBeCloseTo(width, 2);
  // Every page's content is among the files the signature protects.
  const protectedFiles = new Set(signed.References.Reference.map((r) => r.FileRef.replace(/^\//, '')));
  for (const p of docXml.Pages.Page) expect(protectedFiles.has(resolve(docPath, p.BaseLoc))).toBe(true);

  // Anyone: the platform's verifier, in a fresh browser context without login.
  const visitor = await desktopContext(browser, stack.url);
  const verifyPage = await visitor.newPage();
  await verifyPage.goto('/web/verify');
  await verifyPage.getByTestId('verify-file').setInputFiles(file);
  await expect(verifyPage.getByTestId('verdict').getAttribute('data-verdict')).resolves.toBe('valid');
  await review(verifyPage, 'web-ofd-signing', '6-cross-page-verified');
  await visitor.close();
});
