import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, authorizeHolder, claim, faceTicket } from './signing-api';
import { api } from './support/api';
import { Phone } from './support/phone';
import { readSignedOfd } from '../../support/ofd-package';
import { PEOPLE, XINCHUANG } from './support/people';
import { dragSealTo, enterSigningPin, verifyOnPhone } from './support/steps';

// 文件签章 of an OFD on the phone (decisions 0175, 0200): 孙丽 holds an SM2 发票专用章 of
// 深圳市南山新创电子有限公司 (applied for and granted by 李娜 over the API: not this journey's
// subject). She logs in (face check), picks an OFD, sees its page drawn, drags the seal onto it,
// enters her PIN, downloads the signed .ofd, and anyone verifies it on the 文档验证 page.
// Then 签署新文件: an 11-page OFD with a 骑缝章 alone (decision 0241), its slices read from the
// downloaded file with unzip and an XML parser, and verified the same way.
const J = 'mini-ofd-signing';
const PIN = '582046';
const MM_PER_PT = 25.4 / 72;
const OFD = path.join(__dirname, '../../../functions/test-support/fixtures/ofd/helloworld.ofd');
/** ofdrw's 11-page sample. */
const ELEVEN_PAGES = path.join(__dirname, '../../../functions/test-support/fixtures/ofd/doc1File.ofd');

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let sun: Phone;
let dir: string;
const downloaded = () => path.join(dir, '公文-已签章.ofd');
const crossPageSigned = () => path.join(dir, '年度报告-已签章.ofd');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seal-e2e-ofd-'));
  stack = await startJourneyStack();
  const base = stack.url;
  const companyId = XINCHUANG.companyId;
  const liToken = await apiLogin(base, PEOPLE.li);
  const licence = await api(base, 'POST', `/v1/companies/${companyId}/licence-authorizations`, { token: liToken });
  await api(base, 'POST', `/v1/licence-authorizations/${licence.authorizationId}/result`, { token: liToken, body: { presented: true } });
  const applied = await api(base, 'POST', `/v1/companies/${companyId}/seal-applications`, {
    token: liToken,
    body: {
      faceTicket: await faceTicket(base, liToken, 'seal.apply_online', { companyId }),
      licenceTicket: licence.authorizationId,
      kinds: ['invoice'],
      sealAlgorithm: 'sm2-sm3',
    },
  });
  const sealId: string = applied.seals[0].sealId;
  await claim(base, liToken, companyId, sealId, '402917');
  await authorizeHolder(base, liToken, companyId, [sealId], PEOPLE.sun);
  await claim(base, await apiLogin(base, PEOPLE.sun), companyId, sealId, PIN);
  browser = await launchChromium();
  sun = await Phone.open(browser, base, PEOPLE.sun);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function shot(step: string, phone: Phone = sun) {
  await phone.page.waitForTimeout(400);
  await review(phone.page, J, step);
}

describe('文件签章 of an OFD on the phone', () => {
  let dropped: { left: number; top: number; mmPerPx: number };

  it('lets the SM2 seal holder pick the seal and an OFD', async () => {
    await sun.login();
    await sun.tap('文件签章');
    await sun.see('选择印章');
    await sun.screen.locator('.field', { hasText: '选择印章' }).locator('.chip', { hasText: '发票专用章' }).first().tap();
    const chooser = sun.page.waitForEvent('filechooser');
    await sun.screen.locator('.sign-pick-file').tap();
    await (await chooser).setFiles({ name: '公文.ofd', mimeType: 'application/ofd', buffer: readFileSync(OFD) });
    await sun.see('共 1 页');
    await sun.see('OFD文件须使用国密（SM2）印章。');
    await sun.tap('下一步：选择盖章位置');
    await sun.see('第 1 / 1 页');
  });

  it('shows the OFD page drawn on the phone, and places the seal on it by dragging', async () => {
    // The page is an SVG drawn from the OFD (shared/ofd-view): a loaded image carrying the page's text.
    const image = sun.screen.locator('img.seal-placer__page');
    await image.waitFor({ state: 'visible' });
    await expect(image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    const src = (await image.getAttribute('src'))!;
    expect(decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toContain('你好呀，OFD Reader&amp;Writer！');
    await sun.notSee('不显示页面内容');

    await sun.tap('在本页盖章');
    // The seal's top-left to 40% across and 60% down the page.
    const at = await dragSealTo(sun, 0.4, 0.6);
    await sun.see('已选择 1 处盖章位置');
    dropped = { left: at.left, top: at.top, mmPerPx: 210 / at.pageWidth };
    await shot('1-placed');
  });

  it('signs after the PIN and downloads the signed OFD', async () => {
    await sun.tap('确认盖章');
    await enterSigningPin(sun, PIN);
    await sun.tap('确认签章');
    await sun.see('签章成功', 60_000);
    await shot('2-signed');
    const download = sun.page.waitForEvent('download');
    await sun.tap('下载已签章文件');
    await (await download).saveAs(downloaded());
    expect((await download).suggestedFilename()).toBe('公文-已签章.ofd');
  });

  it('put the stamp annotation on the page, where the seal was dropped', () => {
    const signed = unzipSync(new Uint8Array(readFileSync(downloaded())));
    const signatureLoc = /BaseLoc="\/?([^"]+)"/.exec(strFromU8(signed['Doc_0/Signs/Signatures.xml']!))![1]!;
    const stamp = /<ofd:StampAnnot [^>]*>/.exec(strFromU8(signed[signatureLoc]!))![0];
    expect(stamp).toContain('PageRef="1"');
    const [x, y] = /Boundary="([^"]+)"/.exec(stamp)![1]!.split(' ').map(Number) as [number, number];
    // Within a CSS pixel (plus the rounding to hundredths of a point) of the drop, in millimetres.
    const tolerance = dropped.mmPerPx + 0.01 * MM_PER_PT;
    expect(Math.abs(x - dropped.left * dropped.mmPerPx)).toBeLessThan(tolerance);
    expect(Math.abs(y - dropped.top * dropped.mmPerPx)).toBeLessThan(tolerance);
  });

  it('verifies as valid on the phone’s 文档验证 page', async () => {
    const anyone = await Phone.open(browser, stack.url, { key: 'stranger', name: '周杰', idNumber: '', phone: '' });
    try {
      await verifyOnPhone(anyone, downloaded());
      await anyone.see('发票专用章');
      await anyone.see(XINCHUANG.name);
      await shot('3-verified', anyone);
    } finally {
      await anyone.close();
    }
  });
});

describe('文件签章 of an 11-page OFD with a 骑缝章 on the phone', () => {
  it('signs a new file with the 骑缝章 alone, after the PIN, and downloads it', async () => {
    await sun.tap('签署新文件');
    await sun.see('选择印章');
    await sun.screen.locator('.field', { hasText: '选择印章' }).locator('.chip', { hasText: '发票专用章' }).first().tap();
    const chooser = sun.page.waitForEvent('filechooser');
    await sun.screen.locator('.sign-pick-file').tap();
    await (await chooser).setFiles({ name: '年度报告.ofd', mimeType: 'application/ofd', buffer: readFileSync(ELEVEN_PAGES) });
    await sun.see('共 11 页');
    await sun.tap('下一步：选择盖章位置');
    await sun.see('第 1 / 11 页');
    await sun.tap('加盖骑缝章（印章分割在每页右侧边缘）');
    await sun.see('已选择 0 处盖章位置，并加盖骑缝章');
    await shot('4-cross-page');
    await sun.tap('确认盖章');
    await sun.see('使用【发票专用章】在《年度报告.ofd》上盖章（含骑缝章）');
    await enterSigningPin(sun, PIN);
    await sun.tap('确认签章');
    await sun.see('签章成功', 60_000);
    await sun.see('11 页 / 1 个签章');
    await shot('5-cross-page-signed');
    const download = sun.page.waitForEvent('download');
    await sun.tap('下载已签章文件');
    await (await download).saveAs(crossPageSigned());
    expect((await download).suggestedFilename()).toBe('年度报告-已签章.ofd');
  });

  it('put one slice of the seal on every page, at its right edge, and protects every page', () => {
    const { pages, signatures } = readSignedOfd(crossPageSigned());
    expect(pages).toHaveLength(11);
    expect(signatures).toHaveLength(1);
    const { stamps, protectedFiles } = signatures[0]!;
    // One stamp annotation per page, each page once, in page order.
    expect(stamps.map((s) => s.pageRef)).toEqual(pages.map((p) => p.id));
    const [, y, width, height] = stamps[0]!.boundary;
    const slice = width / pages.length;
    stamps.forEach(({ boundary: [bx, by, bw, bh], clip }, i) => {
      // The same seal on every page, centred on the page's height; page i shows its i-th slice, flush with the right edge.
      expect([by, bw, bh]).toEqual([y, width, height]);
      expect(by + bh / 2).toBeCloseTo(pages[0]!.height / 2, 1);
      const [cx, cy, cw, ch] = clip!;
      expect([cx, cy, cw, ch].map((n) => Number(n.toFixed(3)))).toEqual([slice * i, 0, slice, height].map((n) => Number(n.toFixed(3))));
      expect(bx + cx + cw).toBeCloseTo(pages[i]!.width, 2);
    });
    // Together the slices are the whole seal: each starts where the previous one ended (to the file's rounding).
    expect(stamps.reduce((end, { clip }) => (Math.abs(clip![0] - end) < 0.01 ? clip![0] + clip![2] : NaN), 0)).toBeCloseTo(width, 2);
    for (const p of pages) expect(protectedFiles.has(p.content)).toBe(true);
  });

  it('verifies as valid on the phone’s 文档验证 page', async () => {
    const anyone = await Phone.open(browser, stack.url, { key: 'stranger', name: '周杰', idNumber: '', phone: '' });
    try {
      await verifyOnPhone(anyone, crossPageSigned());
      await anyone.see('文档包含 1 个电子签章，全部有效');
      await anyone.see('发票专用章');
      await shot('6-cross-page-verified', anyone);
    } finally {
      await anyone.close();
    }
  });
});
