import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { BILINGUAL_NAME_MATERIALS, SERVICE_WINDOWS } from '@seal/shared/content';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { api, staffToken } from './support/api';
import { Phone } from './support/phone';
import { HUAMEI, PEOPLE } from './support/people';
import { tapChip } from './support/steps';

// 陈静 is the legal representative of a foreign-invested company. On her phone she applies at the
// window for a 中英文法定名称章 and a 合同专用章, authorizing 孙丽 for the contract seal on a UKey;
// the form shows what to bring and where the windows are. Window staff reject it (over the staff
// API, as the desktop staff page does); she reads the reason, corrects the medium in the form as
// it was filled in, and resubmits: staff see the new application, naming the rejected one.
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let chen: Phone;
let rejected: { applicationId: string; reference: string };
const J = 'mini-window-forms';
const REASON = '英文名称证明材料未加盖公章';

/** The chips of one labelled choice group (申请印章, 授权印章, 领取介质...). */
const group = (label: string) => chen.screen.locator('.field', { has: chen.page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) });
const chipIn = (label: string, chip: string) => group(label).locator('.chip', { hasText: new RegExp(`^${chip}$`) });

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  chen = await Phone.open(browser, stack.url, PEOPLE.chen);
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('window application forms on the phone', () => {
  it('fills in a window application with a bilingual name seal and 授权设置 on a UKey, with the materials and windows', async () => {
    await chen.login();
    await chen.tap('印章申请');
    await chen.tap('窗口申请');
    await chen.see(HUAMEI.name);
    await chipIn('申请印章', '合同专用章').tap();
    // The bilingual option (foreign-invested only) also asks for 法定名称章, and names its materials.
    await tapChip(chen, '法定名称章制作为中英文名称章');
    await chen.see('中英文法定名称章须到窗口办理');
    await expect(chipIn('申请印章', '法定名称章').getAttribute('aria-checked')).resolves.toBe('true');
    await chen.see(BILINGUAL_NAME_MATERIALS);
    // 授权设置: 孙丽 holds the contract seal only, on a UKey.
    await tapChip(chen, '同时进行授权设置');
    await chipIn('授权印章', '法定名称章').tap();
    await expect(chipIn('授权印章', '合同专用章').getAttribute('aria-checked')).resolves.toBe('true');
    await chen.fill('请输入被授权人姓名', PEOPLE.sun.name);
    await chen.fill('请输入被授权人身份证号码', PEOPLE.sun.idNumber);
    await chen.fill('请输入被授权人手机号码', PEOPLE.sun.phone);
    await chipIn('领取介质', 'Ukey').tap();
    await chen.see('被授权人身份证件复印件');
    await chen.see('办事窗口');
    await chen.see(SERVICE_WINDOWS[0]!.address);
    await chen.see(`办公时间：${SERVICE_WINDOWS[0]!.hours}`);
    await chen.shot(J, '1-window-form');

    await chen.tap('提交申请');
    await chen.see('待受理');
    // What to bring stays with the submitted application.
    await chen.see('所需材料');
    await chen.see(BILINGUAL_NAME_MATERIALS);
    await chen.see(SERVICE_WINDOWS[0]!.address);
    await chen.shot(J, '2-submitted');
    const [download] = await Promise.all([chen.page.waitForEvent('download'), chen.tap('下载申请表')]);
    const printed = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
    expect(printed).toContain('中英文法定名称章');
    expect(printed).toMatch(/领取介质\s+Ukey/);
    expect(printed).toContain(PEOPLE.sun.name);
  });

  it('shows the rejection reason and opens the form filled in, to correct and resubmit', async () => {
    const staff = await staffToken(stack.url);
    const queue = await api(stack.url, 'GET', '/v1/staff/applications?state=submitted', { token: staff });
    rejected = queue.items.find((a: { companyId: string }) => a.companyId === HUAMEI.companyId);
    await api(stack.url, 'POST', `/v1/staff/applications/${rejected.applicationId}/reject`, { token: staff, body: { reason: REASON } });

    await chen.tap('刷新办理进度');
    await chen.see('已驳回');
    await chen.see(REASON);
    await chen.shot(J, '3-rejected');
    await chen.tap('修改后重新提交');
    await chen.see('修改申请');
    await chen.see(REASON);
    await chen.see(`原申请 ${rejected.reference} 不再受理`);
    // As it was submitted: the seals, the bilingual option, the grantee and the medium.
    await expect(chen.input('请输入被授权人姓名').inputValue()).resolves.toBe(PEOPLE.sun.name);
    await expect(chen.input('请输入被授权人身份证号码').inputValue()).resolves.toBe(PEOPLE.sun.idNumber);
    await expect(chipIn('申请印章', '合同专用章').getAttribute('aria-checked')).resolves.toBe('true');
    await expect(chipIn('外资企业中英文法定名称章', '法定名称章制作为中英文名称章').getAttribute('aria-checked')).resolves.toBe('true');
    await expect(chipIn('领取介质', 'Ukey').getAttribute('aria-checked')).resolves.toBe('true');
    await chipIn('领取介质', '手机').tap();
    await chen.shot(J, '4-correct');
    await chen.tap('重新提交申请');
    await chen.see('待受理');
    await chen.see('原申请编号');
    await chen.see(rejected.reference);
    await chen.shot(J, '5-resubmitted');
  });

  it('puts the corrected application back in the staff queue, naming the rejected one', async () => {
    const staff = await staffToken(stack.url);
    const queue = await api(stack.url, 'GET', '/v1/staff/applications?state=submitted', { token: staff });
    const again = queue.items.find((a: { resubmissionOf?: string }) => a.resubmissionOf === rejected.applicationId);
    expect(again).toMatchObject({ kind: 'apply', companyId: HUAMEI.companyId, state: 'submitted' });
    const grant = again.form.sections.find((s: { heading: string }) => s.heading.startsWith('授权设置'));
    expect(grant.rows).toContainEqual(['领取介质', '手机']);
    expect(grant.rows).toContainEqual(['授权印章', '合同专用章']);
    // The rejected one now points at its correction and cannot be corrected twice.
    await chen.open(`/packages/apply/result/index?applicationId=${rejected.applicationId}`);
    await chen.see(`该申请已修改后重新提交，新申请编号 ${again.reference}`);
    await expect(chen.screen.getByText('修改后重新提交', { exact: true }).count()).resolves.toBe(0);
    await chen.tap('查看新申请');
    await chen.see('待受理');
  });
});
