import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { api, staffToken } from './support/api';
import { Phone } from './support/phone';
import { PENGCHENG, PEOPLE } from './support/people';
import { openTab, tapChip } from './support/steps';

// 王强's partnership has three executive partners, so its seals are applied for at the window:
// he learns it before any face check, the phone fills in the form and downloads it, window staff
// approve (over the staff API, as the desktop staff pages would), and the phone sees the result.
// Then 王强 confirms a desktop login by scanning its QR code (the challenge is created over the
// API, as the desktop site does). His phone is abroad (New York time): every time it shows is
// Beijing time, the same the application form prints.
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let wang: Phone;
const J = 'mini-window-scan';

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  wang = await Phone.open(browser, stack.url, PEOPLE.wang, { timezoneId: 'America/New_York' });
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('window application and QR confirmation on the phone', () => {
  it('sends a partnership with several executive partners to the window', async () => {
    await wang.login();
    await wang.tap('印章申请');
    await wang.tap('在线申请');
    // Told at the licence step, before any face check, with the way to the window.
    await wang.tap('出示电子营业执照');
    await wang.see('执行事务合伙人为多个的合伙企业，需通过窗口办理印章申请');
    // Told before the face check: no simulator page was opened.
    expect(await wang.page.locator('.simulator-badge').count()).toBe(0);
    await wang.see('前往窗口办理');
    await wang.shot(J, '1-window-required');
    await wang.tap('前往窗口办理');
    await wang.see('窗口申请');
    await wang.see(PENGCHENG.name);
  });

  it('submits the window application and downloads its form', async () => {
    await wang.home();
    await wang.tap('印章申请');
    await wang.tap('窗口申请');
    await wang.see(PENGCHENG.name);
    await tapChip(wang, '财务专用章');
    await wang.shot(J, '2-window-form');
    await wang.tap('提交申请');
    await wang.see('申请编号');
    await wang.see('待受理');
    const [download] = await Promise.all([wang.page.waitForEvent('download'), wang.tap('下载申请表')]);
    expect(download.suggestedFilename()).toMatch(/^印章申请表-.+\.pdf$/);
    const file = (await download.path())!;
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The phone (in New York) and the form (made by the server) print the same Beijing time.
    const shown = (await wang.screen.locator('.kv', { hasText: '提交时间' }).innerText()).replace('提交时间', '').trim();
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(printed).toContain(shown);
    const utc = new Date(Date.parse(`${shown.replace(' ', 'T')}:00+08:00`));
    expect(Math.abs(Date.now() - utc.getTime())).toBeLessThan(10 * 60_000);
    await wang.shot(J, '3-submitted');
  });

  it('shows the staff’s approval on the phone, and the new seal waits to be claimed', async () => {
    const staff = await staffToken(stack.url);
    const queue = await api(stack.url, 'GET', '/v1/staff/applications?state=submitted', { token: staff });
    const application = queue.items.find((a: { companyId: string }) => a.companyId === PENGCHENG.companyId);
    await api(stack.url, 'POST', `/v1/staff/applications/${application.applicationId}/approve`, {
      token: staff,
      body: { expectedVersion: application.version },
    });
    await wang.tap('刷新办理进度');
    await wang.see('已通过');
    await wang.shot(J, '4-approved');
    await wang.home();
    await wang.tap('印章领取');
    await wang.see('财务专用章');
  });

  it('withdraws a second application only after confirming, and 取消 keeps it', async () => {
    await wang.home();
    await wang.tap('印章申请');
    await wang.tap('窗口申请');
    await tapChip(wang, '合同专用章');
    await wang.tap('提交申请');
    await wang.see('待受理');
    await wang.tap('撤回申请');
    await wang.see('确定撤回该申请吗？');
    await wang.shot(J, '3a-withdraw-confirm');
    await wang.tap('取消');
    await wang.notSee('确定撤回该申请吗？');
    await wang.tap('刷新办理进度');
    await wang.see('待受理');
    await wang.tap('撤回申请');
    await wang.tap('确定撤回');
    await wang.see('已撤回');
    await wang.see('撤回时间');
  });

  it('confirms a desktop login after showing exactly what is asked', async () => {
    const challenge = await api(stack.url, 'POST', '/v1/login-challenges');
    await wang.home();
    await wang.tap('扫一扫');
    await wang.scanQr(challenge.qrPayload);
    await wang.see('确认电脑端登录');
    await wang.shot(J, '5-scan-summary');
    await wang.tap('人脸核验并确认');
    await wang.faceCheck();
    await wang.see('已确认，请在电脑端继续操作');
    const polled = await api(stack.url, 'POST', `/v1/challenges/${challenge.challengeId}/poll`, {
      body: { desktopSecret: challenge.desktopSecret },
    });
    // The desktop's poll takes the session once: the challenge is used up.
    expect(polled.state).toBe('consumed');
    expect(polled.session.person.name).toBe('王强');
  });

  it('shows a QR code that expired while the phone held it as expired, and will not approve it', async () => {
    const challenge = await api(stack.url, 'POST', '/v1/login-challenges');
    await wang.page.clock.install();
    await wang.home();
    await wang.tap('扫一扫');
    await wang.scanQr(challenge.qrPayload);
    await wang.see('确认电脑端登录');
    await wang.see(/有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await wang.page.clock.fastForward('05:00');
    await wang.see('二维码已过期，请在电脑端刷新二维码后重新扫描');
    await wang.see('已过期');
    await wang.shot(J, '5a-qr-expired');
    // The button is disabled: tapping it starts no face check.
    await wang.tap('人脸核验并确认');
    await wang.page.waitForTimeout(500);
    expect(await wang.page.locator('.simulator-badge').count()).toBe(0);
  });

  it('keeps 我的 readable at 1.5× text size (特大)', async () => {
    await wang.page.goto('/?fontScale=1.5#/pages/home/index');
    await wang.see('王强，您好');
    await openTab(wang, '我的');
    await wang.see('我的企业');
    const overflow = await wang.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await wang.shot(J, '6-mine-large-font');
    await wang.tap('退出登录');
    await wang.see('请先登录');
  });
});
