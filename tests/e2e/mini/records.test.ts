import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, authorizeHolder, claim, companySeals, threePageContract } from './signing-api';
import { api } from './support/api';
import { Phone } from './support/phone';
import { PEOPLE, XINCHUANG } from './support/people';
import { openTab, tapSeal } from './support/steps';

// 消息, 我的文件 and 用印记录 on the phone. 李娜 claims the company-name seal and authorizes 孙丽 as
// its holder, 孙丽 claims it (over the API: not this journey's subject). 孙丽 logs in on her phone
// (WeChat login and face check pages), reads the grant in 消息, signs a contract, finds it in 我的文件
// and downloads it. 李娜 logs in on hers and finds the signature in the seal's 用印记录, then checks the
// downloaded file against the record on 文档验证 and downloads the verification report (PDF).
const J = 'mini-records';
const SEAL = '法定名称章';
const PIN = '582046';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let sun: Phone;
let li: Phone;
let liToken: string;
let sealId: string;
let dir: string;
let contract: string;
const downloaded = () => path.join(dir, 'mine-download.pdf');

/** 2026-12-03 08:38: what a person in Beijing reads for an ISO instant. */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seal-e2e-records-'));
  contract = path.join(dir, '采购合同.pdf');
  await threePageContract(contract);
  stack = await startJourneyStack();
  liToken = await apiLogin(stack.url, PEOPLE.li);
  sealId = (await companySeals(stack.url, liToken, XINCHUANG.companyId)).find((s) => s.kind === 'company_name')!.sealId;
  await claim(stack.url, liToken, XINCHUANG.companyId, sealId, '402917');
  await authorizeHolder(stack.url, liToken, XINCHUANG.companyId, [sealId], PEOPLE.sun);
  await claim(stack.url, await apiLogin(stack.url, PEOPLE.sun), XINCHUANG.companyId, sealId, PIN);
  browser = await launchChromium();
  sun = await Phone.open(browser, stack.url, PEOPLE.sun);
  li = await Phone.open(browser, stack.url, PEOPLE.li);
});

afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('消息, 我的文件 and 用印记录', () => {
  it('shows the holder the grant in 消息 with an unread count, and marks it read', async () => {
    await sun.login();
    await openTab(sun, '我的');
    await sun.see('1条未读');
    await sun.shot(J, '1-mine-unread');
    await sun.tap('消息');
    await sun.see('您获得了印章授权');
    await sun.see(`${XINCHUANG.name}授权您为印章持有人`);
    await sun.see(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await sun.see('1条未读消息');
    await sun.shot(J, '2-messages');
    await sun.tap('全部标为已读');
    await sun.see('没有未读消息');
    await sun.notSee('全部标为已读');
    await sun.shot(J, '3-messages-read');
    await openTab(sun, '我的');
    await sun.see('我的文件');
    await sun.notSee('条未读');
  });

  it('lets the holder sign a contract on the phone', async () => {
    await sun.home();
    await sun.tap('文件签章');
    await sun.screen.locator('.field', { hasText: '选择印章' }).locator('.chip', { hasText: SEAL }).first().tap();
    const chooser = sun.page.waitForEvent('filechooser');
    await sun.screen.locator('.sign-pick-file').tap();
    await (await chooser).setFiles(contract);
    await sun.see('共 3 页');
    await sun.tap('下一步：选择盖章位置');
    await sun.tap('在本页盖章');
    await sun.tap('确认盖章');
    await sun.see('请输入签章密码');
    for (const digit of PIN) await sun.screen.locator('.pin-keypad__key', { hasText: new RegExp(`^${digit}$`) }).tap();
    await sun.tap('确认签章');
    await sun.see('签章成功', 60_000);
  });

  it("lists the signed contract in the holder's 我的文件 and downloads it", async () => {
    await openTab(sun, '我的');
    await sun.tap('我的文件');
    await sun.see('采购合同-已签章.pdf');
    await sun.see('3 页 · 1 个签章');
    await sun.see(/^签章时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await sun.shot(J, '4-my-documents');
    const download = sun.page.waitForEvent('download');
    await sun.tap('下载');
    await (await download).saveAs(downloaded());
    expect((await download).suggestedFilename()).toBe('采购合同-已签章.pdf');
    expect(readFileSync(downloaded()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("shows the legal representative the signature in the seal's 用印记录, in Beijing time", async () => {
    const { items } = await api(stack.url, 'GET', `/v1/seals/${sealId}/signing-records`, { token: liToken });
    expect(items).toHaveLength(1);
    const record = items[0];
    // The record names the very bytes the holder downloaded.
    expect(record.sha256).toBe(createHash('sha256').update(readFileSync(downloaded())).digest('hex'));

    await li.login();
    await openTab(li, '印章管理');
    await tapSeal(li, SEAL);
    await li.tap('用印记录');
    await li.see('采购合同.pdf');
    await li.see('签署人 孙丽');
    await li.see(`签署时间 ${beijing(record.signedAt)}`);
    await li.see(`文件摘要 ${record.sha256.slice(0, 8)}…${record.sha256.slice(-8)}`);
    await li.shot(J, '5-signing-records');
  });

  it('checks a file against the record on 文档验证', async () => {
    await li.tap('验证文件');
    await li.see('核对用印记录：采购合同.pdf');
    const chooser = li.page.waitForEvent('filechooser');
    await li.tap('选择PDF或OFD文件');
    await li.agreePrivacyIfAsked();
    await (await chooser).setFiles(downloaded());
    await li.see('文档有效', 60_000);
    await li.see('与用印记录一致：正是该印章签署的这份文件');
    await li.shot(J, '6-verified-against-record');
    // 下载验证报告（PDF）: a sound PDF that names the signer and the verdict.
    const download = li.page.waitForEvent('download');
    await li.tap('下载验证报告（PDF）');
    const report = path.join(dir, 'report.pdf');
    await (await download).saveAs(report);
    expect((await download).suggestedFilename()).toMatch(/^验证报告-[0-9a-f]{8}\.pdf$/);
    execFileSync('qpdf', ['--check', report]);
    const text = execFileSync('pdftotext', ['-layout', report, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('验证结论：文档有效');
    expect(text).toContain('签章人孙丽');
    expect(text).toContain('签章有效');
    // Another record's hash: the same valid file is not the one that record names.
    await li.open(`/packages/seal/verify/index?sha256=${'ab'.repeat(32)}&name=${encodeURIComponent('另一份合同.pdf')}`);
    await li.see('核对用印记录：另一份合同.pdf');
    const again = li.page.waitForEvent('filechooser');
    await li.tap('选择PDF或OFD文件');
    await li.agreePrivacyIfAsked();
    await (await again).setFiles(downloaded());
    await li.see('与用印记录不一致：所选文件不是该记录签署的版本', 60_000);
  });

  it('never offers 用印记录 to the holder', async () => {
    await openTab(sun, '印章管理');
    await tapSeal(sun, SEAL);
    await sun.see('修改签章密码');
    await sun.notSee('用印记录');
  });
});
