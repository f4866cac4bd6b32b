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
import { PEOPLE, XINCHUANG } from './support/people';
import { dragSealTo, enterSigningPin, verifyOnPhone } from './support/steps';

// 文件签章 of an OFD on the phone (decisions 0175, 0200): 孙丽 holds an SM2 发票专用章 of
// 深圳市南山新创电子有限公司 (applied for and granted by 李娜 over the API: not this journey's
// subject). She logs in (face check), picks an OFD, sees its page drawn, drags the seal onto it,
// enters her PIN, downloads the signed .ofd, and anyone verifies it on the 文档验证 page.
const J = 'mini-ofd-signing';
const PIN = '582046';
const MM_PER_PT = 25.4 / 72;
const OFD = path.join(__dirname, '../../../functions/test-support/fixtures/ofd/helloworld.ofd');

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let sun: Phone;
let dir: string;
const downloaded = () => path.join(dir, '公文-已签章.ofd');

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
