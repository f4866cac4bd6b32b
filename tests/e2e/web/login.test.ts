import type { Browser } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { qrPayloadOn } from './support/desktop';
import { api } from './support/api';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('desktop QR login', () => {
  it('logs the desktop in as the person who approved on the phone, showing their companies', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/login');
    const payload = await qrPayloadOn(page);
    await review(page, 'web-login', '1-qr');

    const phone = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
    const summary = await phone.scan(payload);
    expect(summary.purposeLabel).toBe('电脑端登录');
    expect(summary.desktop.browser).toContain('Chrome');
    await phone.approve(payload);

    await page.getByTestId('logged-in').waitFor();
    await expect(page.getByTestId('account').innerText()).resolves.toContain('李娜');
    // The companies come from GET /v1/me after the login shows: wait for them rather than read at once.
    await page.getByTestId('my-companies').getByText(XINCHUANG.name).waitFor();
    await review(page, 'web-login', '2-logged-in');
    await desktop.close();
  });

  it('puts nothing secret in the QR code: its payload alone cannot learn the outcome', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/login');
    const payload = await qrPayloadOn(page);
    expect(payload).toMatch(/^sealqr:1:[\w-]+$/);
    const challengeId = payload.split(':').pop();
    // Someone who photographed the code polls it with a guessed secret: the challenge "does not exist".
    await expect(
      api(stack.url, 'POST', `/v1/challenges/${challengeId}/poll`, { body: { desktopSecret: 'x'.repeat(32) } }),
    ).rejects.toMatchObject({ code: 'CHALLENGE_NOT_FOUND' });
    await desktop.close();
  });

  it('shows that the phone refused, and stays logged out', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/login');
    const phone = await new Phone(stack.url, PEOPLE.holder).login();
    await phone.reject(await qrPayloadOn(page));
    await page.getByText('手机端已拒绝本次登录').waitFor();
    expect(await page.getByTestId('account').count()).toBe(0);
    await desktop.close();
  });

  it('opens 帮助与常见问题, 隐私保护指引 and 用户服务协议 from the footer of every page', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/');
    await review(page, 'web-public', '1-home');
    for (const [link, heading, step] of [
      ['帮助与常见问题', '如何登录？', '2-help'],
      ['隐私保护指引', '一、我们收集哪些信息', '3-privacy'],
      ['用户服务协议', '三、签章密码与印章保管', '4-agreement'],
    ] as const) {
      await page.locator('footer').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      await review(page, 'web-public', step);
    }
    await page.goto('/web/verify');
    await review(page, 'web-public', '5-verify');
    await page.goto('/web/login');
    await page.getByTestId('qr-code').waitFor();
    await review(page, 'web-public', '6-login');
    await desktop.close();
  });
});
