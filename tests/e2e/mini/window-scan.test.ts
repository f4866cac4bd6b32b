import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { api, staffToken } from './support/api';
import { Phone } from './support/phone';
import { PENGCHENG, PEOPLE } from './support/people';
import { openTab, tapChip } from './support/steps';

// 王强's partnership has three executive partners, so its seals are applied for at the window:
// the phone fills in the form and downloads it, window staff approve (over the staff API, as the
// desktop staff pages would), and the phone sees the result. Then 王强 confirms a desktop login
// by scanning its QR code (the challenge is created over the API, as the desktop site does).
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let wang: Phone;
const J = 'mini-window-scan';

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  wang = await Phone.open(browser, stack.url, PEOPLE.wang);
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
    await wang.see('前往窗口办理');
    await wang.shot(J, '1-window-required');
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
    expect(download.suggestedFilename()).toMatch(/^印章申请申请表-.+\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
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

  it('confirms a desktop login after showing exactly what is asked', async () => {
    const challenge = await api(stack.url, 'POST', '/v1/login-challenges');
    await wang.home();
    await wang.setScan(challenge.qrPayload);
    await wang.tap('扫一扫');
    await wang.see('确认电脑端登录');
    await wang.shot(J, '5-scan-summary');
    await wang.tap('人脸核验并确认');
    await wang.see('已确认，请在电脑端继续操作');
    const polled = await api(stack.url, 'POST', `/v1/challenges/${challenge.challengeId}/poll`, {
      body: { desktopSecret: challenge.desktopSecret },
    });
    // The desktop's poll takes the session once: the challenge is used up.
    expect(polled.state).toBe('consumed');
    expect(polled.session.person.name).toBe('王强');
  });

  it('keeps 我的 readable at 1.3× text size', async () => {
    await wang.page.goto('/?fontScale=1.3#/pages/home/index');
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
