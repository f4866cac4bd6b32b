import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SOFTHSM_MODULE, createSoftHsm } from '../../../desktop-client/test-support/softhsm';
import { startClientProcess } from '../../../desktop-client/test-support/start-client';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { expectSealImage } from '../../support/seal-image';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { loginOnDesktop, qrPayloadOn } from './support/desktop';
import { api } from './support/api';
import { samplePdf } from './support/sample-pdf';
import { pdfsig, pdfsigFields, verifyOverApi } from '../mini/signing-api';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let legalRep: Phone;
let grantedSeal: { sealId: string; name: string };
let otherSeal: { sealId: string; name: string };

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  const { seals } = await legalRep.seals(XINCHUANG.companyId);
  [grantedSeal, otherSeal] = seals;
  // 在线授权 on the phone: 孙丽 holds one seal of the company.
  const faceTicket = await legalRep.faceTicket('grant.authorize_holder', { companyId: XINCHUANG.companyId, sealIds: [grantedSeal.sealId] });
  await api(stack.url, 'POST', `/v1/companies/${XINCHUANG.companyId}/grants`, {
    token: legalRep.token,
    body: {
      role: 'seal_holder',
      sealIds: [grantedSeal.sealId],
      grantee: { name: PEOPLE.holder.name, idNumber: PEOPLE.holder.idNumber, phone: '13900139002' },
      faceTicket,
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-ukey-'));

/** 在线签章 with a seal bound to a UKey: the seal, a two-page contract, one seal on page 1, 签章. */
async function openUkeySigning(page: Page, seal: { sealId: string }) {
  await page.goto('/web/sign');
  await page.getByTestId('sign-seal').selectOption(seal.sealId);
  await expect(page.getByTestId('sign-medium').inputValue()).resolves.toBe('ukey');
  await page.getByTestId('sign-file').setInputFiles({ name: '采购合同.pdf', mimeType: 'application/pdf', buffer: await samplePdf(2) });
  await page.getByTestId('pdf-page-2').waitFor();
  await page.getByTestId('add-seal').click();
  await page.getByTestId('sign-button').click();
  return page.getByTestId('ukey-signing');
}

describe('我的印章 on the desktop', () => {
  it('shows the legal representative every seal of the company, its state, holders and the actions allowed', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/seals');
    const company = page.getByTestId(`company-${XINCHUANG.companyId}`);
    await company.waitFor();
    await expect(company.locator('tbody tr').count()).resolves.toBe(4);
    const row = page.getByTestId(`seal-${grantedSeal.sealId}`);
    await expect(row.innerText()).resolves.toContain('孙丽（持有人）');
    await expect(row.innerText()).resolves.toContain('待领取');
    // Each seal as the platform stamps it, beside its name.
    await expectSealImage(row, grantedSeal.name);
    await expectSealImage(page.getByTestId(`seal-${otherSeal.sealId}`), otherSeal.name);
    await review(page, 'web-seals', '1-legal-representative');
    await desktop.close();
  });

  it('shows a holder only the seal they hold, 待领取 until she claims it, then its certificate, and no freeze or revoke', async () => {
    const holder = await new Phone(stack.url, PEOPLE.holder).login();
    await legalRep.claim(XINCHUANG.companyId, grantedSeal.sealId, '246810');
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, holder);
    await page.goto('/web/seals');
    const row = page.getByTestId(`seal-${grantedSeal.sealId}`);
    await row.waitFor();
    // The company uses the seal already (its legal representative claimed it); for her it waits.
    await expect(row.locator('td').nth(1).innerText()).resolves.toContain('待领取');
    await expect(row.locator('td.actions').innerText()).resolves.toContain('领取');
    await review(page, 'web-seals', '2a-holder-unclaimed');
    await holder.claim(XINCHUANG.companyId, grantedSeal.sealId, '135790');
    await page.reload();
    await row.getByTestId('certificate').waitFor();
    await expect(row.locator('td.actions').innerText()).resolves.not.toContain('领取');
    await expect(page.getByTestId(`seal-${otherSeal.sealId}`).count()).resolves.toBe(0);
    await row.getByTestId('certificate').waitFor();
    await expect(row.getByTestId('certificate').innerText()).resolves.toMatch(/序列号 [0-9A-Fa-f]+/);
    await expect(row.getByTestId('seal-medium').innerText()).resolves.toBe('手机（签章密码）');
    // The seal's 印章数据 (GB/T 38540): its esID, the platform's seal maker, its validity, and the file.
    const sealData = row.getByTestId('seal-data');
    await expect(sealData.innerText()).resolves.toMatch(new RegExp(`印章标识 ${grantedSeal.sealId}[\\s\\S]*制章者 .+电子印章制章[\\s\\S]*\\d{4}-\\d{2}-\\d{2} 至 \\d{4}-\\d{2}-\\d{2}`));
    const [download] = await Promise.all([page.waitForEvent('download'), sealData.getByRole('button', { name: '下载印章数据' }).click()]);
    expect(download.suggestedFilename()).toBe(`${grantedSeal.sealId}.esl`);
    const esl = readFileSync((await download.path())!);
    expect(esl[0]).toBe(0x30); // one DER SEQUENCE: SES_Seal
    expect(esl.includes(Buffer.from(grantedSeal.sealId))).toBe(true);
    const buttons = await row.locator('td.actions button').allInnerTexts();
    expect(buttons).not.toContain('冻结');
    expect(buttons).not.toContain('注销');
    expect(buttons).toContain('Ukey绑定');
    await review(page, 'web-seals', '2-holder');
    // And the API refuses the holder's freeze if called directly.
    const faceAttempt = api(stack.url, 'POST', '/v1/face-checks', {
      token: holder.token,
      body: { action: 'seal.freeze', target: { companyId: XINCHUANG.companyId, sealIds: [grantedSeal.sealId] } },
    });
    await expect(faceAttempt).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await desktop.close();
  });

  it("binds the holder's seal to her UKey (SoftHSM2 behind the UKey client) once the phone confirms, signs a contract with it, logs in and batch-signs with it, then unbinds it", async () => {
    const holder = await new Phone(stack.url, PEOPLE.holder).login();
    const row = (page: Page) => page.getByTestId(`seal-${grantedSeal.sealId}`);

    // No client running: said plainly, with the way to get it.
    const without = await desktopContext(browser, stack.url);
    await without.addInitScript(() => window.localStorage.setItem('ukey.client', 'http://127.0.0.1:9'));
    const bare = await without.newPage();
    await loginOnDesktop(bare, holder);
    await bare.goto('/web/seals');
    await row(bare).getByRole('button', { name: 'Ukey绑定' }).click();
    await bare.getByText('未检测到UKey签章客户端，请先下载并启动客户端后重试').waitFor();
    await review(bare, 'web-seals', '3a-ukey-no-client');
    await bare.getByRole('link', { name: '软件下载' }).click();
    await bare.getByRole('heading', { name: 'UKey签章客户端' }).waitFor();
    await without.close();

    const hsm = createSoftHsm([{ label: '孙丽的UKey', password: '314159' }]);
    const client = await startClientProcess({ env: hsm.env, origins: [new URL(stack.url).origin], module: SOFTHSM_MODULE });
    const objects = () =>
      execFileSync('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--login', '--pin', '314159', '--list-objects'], { env: hsm.env, encoding: 'utf8' });
    try {
      const desktop = await desktopContext(browser, stack.url);
      await desktop.addInitScript((url) => window.localStorage.setItem('ukey.client', url), client.url);
      const page = await desktop.newPage();
      await loginOnDesktop(page, holder);
      await page.goto('/web/seals');
      await row(page).getByRole('button', { name: 'Ukey绑定' }).click();
      const details = page.getByTestId('ukey-details');
      await details.waitFor();
      const shown = await details.innerText();
      expect(shown).toContain('孙丽的UKey');
      expect(shown).toContain('SoftHSM project');
      expect(shown).toContain(grantedSeal.name);
      const serial = /UKey序列号\s+(\S+)/.exec(shown)![1]!;
      // The token checks the password; a wrong one is refused before any QR code.
      await page.getByLabel('UKey密码').fill('000000');
      await page.getByRole('button', { name: '确认并进入下一步' }).click();
      await page.getByText('UKey密码错误').waitFor();
      await review(page, 'web-seals', '3b-ukey-details');
      await page.getByLabel('UKey密码').fill('314159');
      await page.getByRole('button', { name: '确认并进入下一步' }).click();
      const payload = await qrPayloadOn(page);
      const summary = await holder.scan(payload);
      expect(summary).toMatchObject({ purpose: 'ukey_bind', proof: 'face', seal: { sealId: grantedSeal.sealId }, details: { ukeySerial: serial } });
      await review(page, 'web-seals', '3-ukey-qr');
      await holder.approve(payload);
      await page.getByText('绑定成功').waitFor();
      // 我的印章 says where the seal signs now: on the UKey, by its serial.
      await row(page).getByTestId('seal-medium').getByText(`UKey序列号 ${serial}`).waitFor();
      await expect(row(page).getByTestId('seal-medium').innerText()).resolves.toContain('UKey（已绑定）');
      const { credential } = await api(stack.url, 'GET', `/v1/seals/${grantedSeal.sealId}/credential`, { token: holder.token });
      expect(credential.medium).toBe('ukey');
      // On the token: the key that never leaves it, and the platform's certificate beside it.
      const onToken = objects();
      expect(onToken).toMatch(/Private Key Object; EC[\s\S]*Access:\s+sensitive, always sensitive, never extractable, local/);
      expect(onToken).toMatch(new RegExp(`Certificate Object; type = X\\.509 cert\\s+label:\\s+seal:${grantedSeal.sealId}`));

      // UKey签章 (五.3) on 在线签章: the seal signs only with its UKey now. The page checks the token
      // is the bound one, the token checks the password (sent to the client only), then signs.
      const dialog = await openUkeySigning(page, grantedSeal);
      await dialog.getByTestId('ukey-details').waitFor();
      await dialog.getByLabel('UKey密码').fill('000000');
      await dialog.getByRole('button', { name: '确认签章' }).click(); // enabled once the file is uploaded
      await dialog.getByText('UKey密码错误，请重新输入（连续输错多次UKey将被锁定）').waitFor();
      const documentId = await dialog.getAttribute('data-document-id');
      await review(page, 'web-seals', '4a-ukey-sign-wrong-password');
      expect(await api(stack.url, 'GET', `/v1/documents/${documentId}`, { token: holder.token })).toMatchObject({ version: 0 });
      await dialog.getByLabel('UKey密码').fill('314159');
      await dialog.getByRole('button', { name: '确认签章' }).click();
      const outcome = dialog.getByTestId('sign-outcome');
      await outcome.getByText('签章成功，文件共 2 页、1 个签章。').waitFor();
      await review(page, 'web-seals', '4-ukey-signed');
      const [download] = await Promise.all([page.waitForEvent('download'), outcome.getByTestId('download-signed').click()]);
      expect(download.suggestedFilename()).toBe('采购合同（已签章）.pdf');
      const signedFile = path.join(tmp, 'ukey-signed.pdf');
      await download.saveAs(signedFile);
      // poppler trusts it with the platform root alone; the platform's verifier names the seal.
      const rootPem = await (await fetch(`${stack.url}/v1/pki/root`)).text();
      const fields = [...pdfsigFields(await pdfsig(rootPem, signedFile)).values()];
      expect(fields).toHaveLength(1);
      expect(fields[0]![0]).toEqual({ valid: true, trusted: true });
      const report = await verifyOverApi(stack.url, readFileSync(signedFile));
      expect(report.verdict).toBe('valid');
      expect(report.signatures).toHaveLength(1);
      expect(report.signatures[0].platform).toMatchObject({ sealName: grantedSeal.name });

      // UKey登录 (一.2): a desktop not logged in, the token signs the platform's challenge after the
      // UKey password (a wrong one first: nobody logged in), and the seal's holder is logged in.
      const ukeyDesktop = await desktopContext(browser, stack.url);
      await ukeyDesktop.addInitScript((url) => window.localStorage.setItem('ukey.client', url), client.url);
      const viaUkey = await ukeyDesktop.newPage();
      await viaUkey.goto('/web/login');
      await viaUkey.getByRole('tab', { name: 'UKey登录' }).click();
      const ukeyLogin = viaUkey.getByTestId('ukey-login');
      await ukeyLogin.getByText('孙丽的UKey').waitFor();
      await ukeyLogin.getByLabel('UKey密码').fill('000000');
      await ukeyLogin.getByRole('button', { name: '登录' }).click();
      await ukeyLogin.getByText('UKey密码错误，请重新输入（连续输错多次UKey将被锁定）').waitFor();
      await review(viaUkey, 'web-seals', '5a-ukey-login-wrong-password');
      await ukeyLogin.getByLabel('UKey密码').fill('314159');
      await ukeyLogin.getByRole('button', { name: '登录' }).click();
      await viaUkey.getByTestId('logged-in').waitFor();
      await expect(viaUkey.getByTestId('logged-in').innerText()).resolves.toContain(PEOPLE.holder.name);
      await review(viaUkey, 'web-seals', '5-ukey-logged-in');

      // 批量签章 with the UKey, in that UKey session: three files, one not a PDF; one password for
      // the batch; each document's outcome; the signed ones verify in pdfsig and on the platform.
      await viaUkey.goto('/web/ukey-batch');
      await viaUkey.getByTestId('sign-seal').selectOption(grantedSeal.sealId);
      await viaUkey.getByTestId('batch-files').setInputFiles([
        { name: '合同甲.pdf', mimeType: 'application/pdf', buffer: await samplePdf(1) },
        { name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF文件') },
        { name: '合同乙.pdf', mimeType: 'application/pdf', buffer: await samplePdf(3) },
      ]);
      const batch = viaUkey.getByTestId('ukey-batch');
      await batch.getByTestId('ukey-details').waitFor();
      await batch.getByLabel('UKey密码').fill('314159');
      await batch.getByRole('button', { name: '批量签章（3 份）' }).click();
      await viaUkey.getByTestId('batch-summary').getByText('共 3 份，已签章 2 份，1 份未签章').waitFor();
      await expect(viaUkey.getByTestId('batch-item-1').innerText()).resolves.toContain('无法打开该文件');
      await review(viaUkey, 'web-seals', '6-ukey-batch-signed');
      for (const i of [0, 2]) {
        const [batchDownload] = await Promise.all([viaUkey.waitForEvent('download'), viaUkey.getByTestId(`batch-download-${i}`).click()]);
        const file = path.join(tmp, `batch-${i}.pdf`);
        await batchDownload.saveAs(file);
        const batchFields = [...pdfsigFields(await pdfsig(rootPem, file)).values()];
        expect(batchFields).toHaveLength(1);
        expect(batchFields[0]![0]).toEqual({ valid: true, trusted: true });
        const batchReport = await verifyOverApi(stack.url, readFileSync(file));
        expect(batchReport.verdict).toBe('valid');
        expect(batchReport.signatures).toHaveLength(1);
        expect(batchReport.signatures[0].platform).toMatchObject({ sealName: grantedSeal.name });
      }
      await ukeyDesktop.close();


      // Another UKey (its own client, its own token) is refused before any password is asked.
      const otherHsm = createSoftHsm([{ label: '别人的UKey', password: '271828' }]);
      const otherClient = await startClientProcess({ env: otherHsm.env, origins: [new URL(stack.url).origin], module: SOFTHSM_MODULE });
      try {
        const elsewhere = await desktopContext(browser, stack.url);
        await elsewhere.addInitScript((url) => window.localStorage.setItem('ukey.client', url), otherClient.url);
        const other = await elsewhere.newPage();
        await loginOnDesktop(other, holder);
        const otherDialog = await openUkeySigning(other, grantedSeal);
        await otherDialog.getByText('插入的UKey不是该印章绑定的UKey，请插入绑定该印章的UKey后点击“重新检测”').waitFor();
        await expect(otherDialog.getByLabel('UKey密码').count()).resolves.toBe(0);
        await review(other, 'web-seals', '4b-ukey-sign-other-token');
        await elsewhere.close();
      } finally {
        await otherClient.stop();
        otherHsm.cleanup();
      }
      // No client running: said plainly, with the way to get it.
      const noClient = await desktopContext(browser, stack.url);
      await noClient.addInitScript(() => window.localStorage.setItem('ukey.client', 'http://127.0.0.1:9'));
      const lonely = await noClient.newPage();
      await loginOnDesktop(lonely, holder);
      const lonelyDialog = await openUkeySigning(lonely, grantedSeal);
      await lonelyDialog.getByText('未检测到UKey签章客户端，请先下载并启动客户端后重试').waitFor();
      await lonelyDialog.getByRole('link', { name: '软件下载' }).waitFor();
      await noClient.close();

      // 解绑: asked first, the phone confirms, the certificate is revoked and the token emptied.
      await page.goto('/web/seals');
      await row(page).getByRole('button', { name: 'Ukey解绑' }).click();
      await page.getByTestId('ukey-details').waitFor();
      await page.getByLabel('UKey密码').fill('314159');
      await page.getByRole('button', { name: '确认并进入下一步' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: /确定/ }).click();
      const unbindPayload = await qrPayloadOn(page);
      await holder.approve(unbindPayload);
      await page.getByText('解绑成功').waitFor();
      await row(page).getByTestId('seal-medium').getByText('手机（签章密码）').waitFor();
      const after = await api(stack.url, 'GET', `/v1/seals/${grantedSeal.sealId}/credential`, { token: holder.token });
      expect(after.credential.medium).toBe('phone');
      expect(objects()).not.toContain(`seal:${grantedSeal.sealId}`);
      // The emptied token no longer logs in: said before any password is asked.
      await page.evaluate(() => window.sessionStorage.clear());
      await page.goto('/web/login');
      await page.getByRole('tab', { name: 'UKey登录' }).click();
      await page.getByText('该UKey中没有已绑定的电子印章，不能用于登录').waitFor();
      // Unbound, the seal signs with the phone again; the platform refuses a UKey signing.
      await expect(
        api(stack.url, 'POST', `/v1/documents/${documentId}/ukey-sign`, {
          token: holder.token,
          body: { sealId: grantedSeal.sealId, placements: [{ page: 1, x: 100, y: 100 }] },
        }),
      ).rejects.toMatchObject({ status: 409, code: 'UKEY_NOT_BOUND' });
      await desktop.close();
    } finally {
      await client.stop();
      hsm.cleanup();
    }
  }, 480_000);

  it('shows a person with no rights no seal at all, and the API refuses them the list', async () => {
    const stranger = await new Phone(stack.url, PEOPLE.stranger).login();
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, stranger);
    await page.goto('/web/seals');
    await page.getByText('您暂无可查看的印章').waitFor();
    await expect(page.locator('[data-testid^="seal-"]').count()).resolves.toBe(0);
    await expect(api(stack.url, 'GET', `/v1/companies/${XINCHUANG.companyId}/seals`, { token: stranger.token })).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    await desktop.close();
  });

  it('freezes a seal from the desktop after a face check, and the row shows it frozen', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, legalRep);
    await page.goto('/web/seals');
    const row = page.getByTestId(`seal-${grantedSeal.sealId}`);
    await row.getByRole('button', { name: '冻结' }).click();
    const panel = page.getByTestId('action-freeze');
    await panel.getByPlaceholder('请填写原因').fill('印章保管人员变动');
    await panel.getByRole('button', { name: '下一步：人脸核验' }).click();
    // Asked first, saying what follows; 取消 changes nothing.
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.innerText()).resolves.toContain('冻结后，所有持有人都不能使用该印章签章，直至解冻。');
    await review(page, 'web-seals', '4a-freeze-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(panel.getByTestId('face-check').count()).resolves.toBe(0);
    await expect(row.innerText()).resolves.not.toContain('已冻结');
    await panel.getByRole('button', { name: '下一步：人脸核验' }).click();
    await dialog.getByRole('button', { name: '确定冻结' }).click();
    await panel.getByRole('button', { name: '开始人脸核验' }).click();
    await panel.getByRole('button', { name: '模拟核验通过' }).click();
    await row.getByText('已冻结').waitFor();
    await review(page, 'web-seals', '4-frozen');
    // Unfreezing gives back: no confirmation needed. Revoking asks, and 取消 keeps the seal.
    await row.getByRole('button', { name: '注销' }).click();
    const revoke = page.getByTestId('action-revoke');
    await revoke.getByRole('button', { name: '下一步：人脸核验' }).click();
    await page.getByRole('alertdialog').getByText('注销后该印章永久失效').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect(row.innerText()).resolves.toContain('已冻结');
    await desktop.close();
  });
});
