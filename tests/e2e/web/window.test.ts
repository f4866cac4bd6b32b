import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { BILINGUAL_NAME_MATERIALS, SERVICE_WINDOWS } from '@seal/shared/content';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE } from './support/phone';
import { loginOnDesktop } from './support/desktop';
import { api } from './support/api';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
const XINGHE = { companyId: '91440300MA5DXH8K2L', name: '深圳市前海星河科技有限公司' };
const STAFF = { username: 'window01', password: 'Window#2026a' };

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('窗口办理 on the web, approved at the window', () => {
  it('submits a window seal application, downloads its form, and staff approval gives the company its seals', async () => {
    const legalRep = await new Phone(stack.url, PEOPLE.xingheLegalRep).login();
    // The applicant's computer is set to New York time: the page still shows Beijing time, as the form prints it.
    const applicant = await desktopContext(browser, stack.url, { timezoneId: 'America/New_York' });
    const page = await applicant.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/business');
    const form = page.getByTestId('window-form-apply');
    // What to bring and where, beside the form; a domestic company has no bilingual name seal to ask for.
    const guide = page.getByTestId('window-guide');
    await guide.getByText(SERVICE_WINDOWS[0]!.address).waitFor();
    await expect(guide.innerText()).resolves.toContain('营业执照副本原件');
    await expect(form.getByText('法定名称章制作为中英文名称章').count()).resolves.toBe(0);
    await form.getByLabel('合同专用章').check();
    await form.getByLabel('财务专用章').check();
    // The company chooses 国密 for these seals (the default is the international algorithm).
    await expect(form.getByLabel('签名算法').inputValue()).resolves.toBe('ecdsa-p256-sha256');
    await form.getByLabel('签名算法').selectOption('sm2-sm3');
    await form.getByRole('button', { name: '提交申请' }).click();
    await page.getByTestId('submitted').waitFor();
    const reference = await page.getByTestId('submitted').getByTestId('application-reference').innerText();
    await review(page, 'web-window', '1-submitted');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('submitted').getByTestId('download-form').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`申请表-${reference}.pdf`);
    const formBytes = Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
    expect(formBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const shown = await page.getByTestId('submitted').getByTestId('application-created').innerText();
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'web-window-'));
    writeFileSync(path.join(dir, 'form.pdf'), formBytes);
    const printed = execFileSync('pdftotext', ['-layout', path.join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(printed).toContain(shown);
    expect(printed).toMatch(/签名算法\s+国密算法（SM2\/SM3）/);
    expect(Math.abs(Date.now() - Date.parse(`${shown.replace(' ', 'T')}:00+08:00`))).toBeLessThan(10 * 60_000);

    // The window: staff sign in, find the application in the queue, approve it.
    const window = await desktopContext(browser, stack.url);
    const staffPage = await window.newPage();
    await staffPage.goto('/web/staff');
    await staffPage.getByLabel('用户名').fill(STAFF.username);
    await staffPage.getByLabel('密码').fill(STAFF.password);
    await staffPage.getByRole('button', { name: '登录' }).click();
    const item = staffPage.locator(`[data-testid="application"][data-reference="${reference}"]`);
    await item.waitFor();
    // The header names the staff member, and the form reads as a form: sections and labelled rows, no raw data.
    await expect(staffPage.getByTestId('account').innerText()).resolves.toContain('窗口工作人员');
    await expect(staffPage.getByText('立即登录').count()).resolves.toBe(0);
    const content = item.getByTestId('form-content');
    await expect(content.innerText()).resolves.toContain(XINGHE.name);
    await expect(content.innerText()).resolves.toContain('国密算法（SM2/SM3）');
    await expect(content.locator('h4').count()).resolves.toBeGreaterThan(0);
    await expect(content.innerText()).resolves.not.toMatch(/[{}"]|heading|sections/);
    await review(staffPage, 'web-window', '2-staff-queue');
    // Approval asks first, and cancelling it changes nothing.
    await item.getByTestId('approve').click();
    await item.getByTestId('confirm-approve').getByRole('button', { name: '取消' }).click();
    await expect(item.getByTestId('confirm-approve').count()).resolves.toBe(0);
    await item.getByTestId('approve').click();
    await expect(item.getByTestId('confirm-approve').innerText()).resolves.toContain('不能撤回');
    await review(staffPage, 'web-window', '2b-confirm-approve');
    await item.getByTestId('confirm').click();
    await staffPage.getByText(`申请 ${reference} 已审核通过`).waitFor();

    // The applicant sees the outcome and the new seals.
    await page.goto('/web/business');
    await page.locator(`[data-testid="application"][data-reference="${reference}"]`).getByText('已通过').waitFor();
    await page.goto('/web/seals');
    const company = page.getByTestId(`company-${XINGHE.companyId}`);
    await company.getByText('合同专用章').first().waitFor();
    await expect(company.getByText('财务专用章').count()).resolves.toBeGreaterThan(0);
    // The new seals are SM2 seals, as chosen.
    const algorithms = await company.getByTestId('seal-algorithm').allInnerTexts();
    expect(algorithms.filter((a) => a === '国密算法（SM2/SM3）')).toHaveLength(2);
    await review(page, 'web-window', '3-seals-after-approval');
    await applicant.close();
    await window.close();
  });

  it('rejects through a reason form (no browser prompt); the applicant is told the reason', async () => {
    const legalRep = await new Phone(stack.url, PEOPLE.xingheLegalRep).login();
    const submitted = await api(stack.url, 'POST', '/v1/applications', {
      token: legalRep.token,
      body: { kind: 'apply', company: { creditCode: XINGHE.companyId, name: XINGHE.name }, kinds: ['invoice'] },
    });
    const window = await desktopContext(browser, stack.url);
    const staffPage = await window.newPage();
    staffPage.on('dialog', () => {
      throw new Error('the staff page must not open a browser dialog');
    });
    await staffPage.goto('/web/staff');
    await staffPage.getByLabel('用户名').fill(STAFF.username);
    await staffPage.getByLabel('密码').fill(STAFF.password);
    await staffPage.getByRole('button', { name: '登录' }).click();
    const item = staffPage.locator(`[data-testid="application"][data-reference="${submitted.reference}"]`);
    await item.getByTestId('reject').click();
    const form = item.getByTestId('reject-form');
    // No reason, no rejection.
    await expect(form.getByTestId('confirm').isDisabled()).resolves.toBe(true);
    await form.getByLabel(/驳回原因/).fill('营业执照副本复印件未加盖公章');
    await review(staffPage, 'web-window', '4-reject-form');
    await form.getByTestId('confirm').click();
    await staffPage.getByText(`申请 ${submitted.reference} 已驳回`).waitFor();

    const seen = await api(stack.url, 'GET', `/v1/applications/${submitted.applicationId}`, { token: legalRep.token });
    expect(seen).toMatchObject({ state: 'rejected', decisionReason: '营业执照副本复印件未加盖公章' });
    const messages = await api(stack.url, 'GET', '/v1/notifications', { token: legalRep.token });
    expect(messages.items[0]).toMatchObject({ kind: 'application_rejected', applicationId: submitted.applicationId });

    // The applicant reads the reason, corrects the form as it was filled in, and submits it again.
    const applicant = await desktopContext(browser, stack.url);
    const page = await applicant.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/business');
    const card = page.locator(`[data-testid="application"][data-reference="${submitted.reference}"]`);
    await expect(card.getByTestId('decision-reason').innerText()).resolves.toBe('营业执照副本复印件未加盖公章');
    await card.getByTestId('correct').click();
    const correction = page.getByTestId('window-form-apply');
    await expect(correction.getByTestId('rejection').innerText()).resolves.toContain('营业执照副本复印件未加盖公章');
    await expect(correction.getByLabel('发票专用章').isChecked()).resolves.toBe(true);
    await expect(correction.locator('input[name="creditCode"]').inputValue()).resolves.toBe(XINGHE.companyId);
    await correction.getByLabel('同时进行授权设置').check();
    await correction.getByLabel('姓名').fill(PEOPLE.holder.name);
    await correction.getByLabel('身份证号').fill(PEOPLE.holder.idNumber);
    await correction.getByLabel('手机号').fill('13900139002');
    await correction.getByLabel('领取介质').selectOption('ukey');
    await expect(page.getByTestId('window-guide').innerText()).resolves.toContain('被授权人身份证件复印件');
    await review(page, 'web-window', '5-correct-rejected');
    await correction.getByRole('button', { name: '重新提交申请' }).click();
    const again = page.getByTestId('submitted');
    await again.waitFor();
    const newReference = await again.getByTestId('application-reference').innerText();
    expect(newReference).not.toBe(submitted.reference);
    await expect(again.innerText()).resolves.toContain(`原申请编号 ${submitted.reference}`);
    await review(page, 'web-window', '6-resubmitted');

    // Window staff see it again, naming the rejected one, with the corrected 领取介质.
    await staffPage.reload();
    const corrected = staffPage.locator(`[data-testid="application"][data-reference="${newReference}"]`);
    await expect(corrected.innerText()).resolves.toContain(`修改后重新提交（原申请编号 ${submitted.reference}）`);
    await expect(corrected.getByTestId('form-content').innerText()).resolves.toMatch(/领取介质\s*Ukey/);
    await review(staffPage, 'web-window', '7-staff-sees-correction');
    await applicant.close();
    await window.close();
  });

  it('offers a foreign-invested company the 中英文法定名称章, with its materials note', async () => {
    const legalRep = await new Phone(stack.url, PEOPLE.huameiLegalRep).login();
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/business');
    const form = page.getByTestId('window-form-apply');
    await form.getByLabel('法定名称章制作为中英文名称章（外资企业）').check();
    await expect(form.getByLabel('法定名称章', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(form.getByTestId('bilingual-note').innerText()).resolves.toContain('中英文法定名称章须到窗口办理');
    await expect(page.getByTestId('window-guide').innerText()).resolves.toContain(BILINGUAL_NAME_MATERIALS);
    await review(page, 'web-window', '8-bilingual-option');
    await form.getByRole('button', { name: '提交申请' }).click();
    const submitted = page.getByTestId('submitted');
    await submitted.waitFor();
    await expect(submitted.innerText()).resolves.toContain(BILINGUAL_NAME_MATERIALS);
    const mine = await api(stack.url, 'GET', '/v1/applications/mine', { token: legalRep.token });
    expect(JSON.stringify(mine.items[0].form)).toContain('中英文法定名称章');
    await desktop.close();
  });

  it("refuses a wrong staff password, and the queue refuses a person's session", async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await page.goto('/web/staff');
    await page.getByLabel('用户名').fill(STAFF.username);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByTestId('staff-queue').count()).resolves.toBe(0);
    const person = await new Phone(stack.url, PEOPLE.stranger).login();
    await expect(api(stack.url, 'GET', '/v1/staff/applications', { token: person.token })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await desktop.close();
  });
});
