import type { Browser } from 'playwright-core';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE } from './support/phone';
import { loginOnDesktop } from './support/desktop';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
const STAFF = { username: 'window01', password: 'Window#2026a' };

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('应用中心: 申请系统接入', () => {
  it('applies for integration, is approved at the window, issues a secret shown once, and the credentials work for an API call', async () => {
    const legalRep = await new Phone(stack.url, PEOPLE.xingheLegalRep).login();
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/apps');
    const section = page.getByTestId('integration');
    await page.getByTestId('custom-seal').getByText('需先完成应用系统接入申请').waitFor();
    await section.getByLabel('接入系统名称').fill('星河合同管理系统');
    await section.getByLabel('联系人').fill('张伟');
    await section.getByLabel('联系电话').fill('13800138001');
    await section.getByLabel('接入用途').fill('合同系统自动盖章');
    await section.getByRole('button', { name: '提交接入申请' }).click();
    const application = section.getByTestId('application');
    await application.getByText('待受理').waitFor();
    const reference = await application.getByTestId('application-reference').innerText();
    await review(page, 'web-integration', '1-applied');

    const window = await desktopContext(browser, stack.url);
    const staffPage = await window.newPage();
    await staffPage.goto('/web/staff');
    await staffPage.getByLabel('用户名').fill(STAFF.username);
    await staffPage.getByLabel('密码').fill(STAFF.password);
    await staffPage.getByRole('button', { name: '登录' }).click();
    const queued = staffPage.locator(`[data-testid="application"][data-reference="${reference}"]`);
    await queued.getByTestId('approve').click();
    await queued.getByTestId('confirm').click();
    await staffPage.getByText(`申请 ${reference} 已审核通过`).waitFor();

    await page.reload();
    await section.getByText('已通过').waitFor();
    const credentials = section.getByTestId('credentials');
    await credentials.getByTestId('issue-secret').click();
    await credentials.getByRole('button', { name: '开始人脸核验' }).click();
    await credentials.getByRole('button', { name: '模拟核验通过' }).click();
    const authorization = await credentials.getByTestId('client-authorization').innerText();
    await review(page, 'web-integration', '2-secret-shown-once');

    // The integrated system calls the platform with those credentials.
    const response = await fetch(`${stack.url}/v1/integration/seals`, { headers: { authorization } });
    expect(response.status).toBe(200);
    // The secret is not shown again after leaving the page.
    await page.reload();
    await section.getByTestId('credentials').waitFor();
    await expect(section.getByTestId('client-secret').count()).resolves.toBe(0);
    // 吊销凭证 asks first; 取消 keeps the credentials working.
    await section.getByTestId('credentials').getByTestId('revoke-client').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('吊销后该接入系统立即不能再调用平台接口').waitFor();
    await review(page, 'web-integration', '2a-revoke-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(section.getByTestId('face-check').count()).resolves.toBe(0);
    expect((await fetch(`${stack.url}/v1/integration/seals`, { headers: { authorization } })).status).toBe(200);
    // And 自定义印章申请 opens up: a template, its preview, the application and its form.
    const custom = page.getByTestId('custom-seal');
    await expect(custom.getByText('需先完成应用系统接入申请').count()).resolves.toBe(0);
    await custom.getByLabel('印章名称').fill('人事专用章');
    await custom.getByRole('button', { name: '预览印章' }).click();
    await custom.getByTestId('seal-preview').waitFor();
    await custom.getByRole('button', { name: '提交申请' }).click();
    await custom.getByTestId('application').getByText('待受理').waitFor();
    await review(page, 'web-integration', '3-custom-seal');
    const [form] = await Promise.all([page.waitForEvent('download'), custom.getByTestId('download-form').click()]);
    expect(form.suggestedFilename()).toMatch(/^申请表-.+\.pdf$/);
    await desktop.close();
    await window.close();
  });
});
