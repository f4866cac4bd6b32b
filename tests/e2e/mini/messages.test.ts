import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, authorizeHolder, cancelGrant, claim, companySeals } from './signing-api';
import { api, staffToken } from './support/api';
import { Phone } from './support/phone';
import { PEOPLE, XINCHUANG } from './support/people';
import { openTab } from './support/steps';

// 消息 for what others decide. 李娜 authorizes 孙丽 as the holder of the company-name seal and then
// cancels the grant; 李娜 applies at the window to freeze the seal twice: staff reject the first
// (reason unclear) and approve the second (these parties act over the API: not the journey's
// subject). On their phones, 孙丽 finds the grant received and cancelled in 消息, 李娜 finds the
// rejection with its reason and the approval, and opens the rejection.
const J = 'mini-messages';
const REJECTION = '冻结原因不明确，请写明原因';

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let sun: Phone;
let li: Phone;
let rejected: { applicationId: string; reference: string };
let approved: { applicationId: string; reference: string };

beforeAll(async () => {
  stack = await startJourneyStack();
  const liToken = await apiLogin(stack.url, PEOPLE.li);
  const sealId = (await companySeals(stack.url, liToken, XINCHUANG.companyId)).find((s) => s.kind === 'company_name')!.sealId;
  await claim(stack.url, liToken, XINCHUANG.companyId, sealId, '402917');
  const grantId = await authorizeHolder(stack.url, liToken, XINCHUANG.companyId, [sealId], PEOPLE.sun);
  await cancelGrant(stack.url, liToken, XINCHUANG.companyId, grantId);

  const staff = await staffToken(stack.url);
  const apply = (reason: string) =>
    api(stack.url, 'POST', '/v1/applications', {
      token: liToken,
      body: { kind: 'freeze', company: { creditCode: XINCHUANG.companyId, name: XINCHUANG.name }, sealIds: [sealId], reason },
    });
  rejected = await apply('临时');
  await api(stack.url, 'POST', `/v1/staff/applications/${rejected.applicationId}/reject`, { token: staff, body: { reason: REJECTION } });
  approved = await apply('财务人员交接期间暂停使用');
  await api(stack.url, 'POST', `/v1/staff/applications/${approved.applicationId}/approve`, { token: staff, body: {} });

  browser = await launchChromium();
  sun = await Phone.open(browser, stack.url, PEOPLE.sun);
  li = await Phone.open(browser, stack.url, PEOPLE.li);
});

afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('消息 on the phone', () => {
  it('tells the holder her grant was received, then cancelled, newest first', async () => {
    await sun.login();
    await openTab(sun, '我的');
    await sun.see('2条未读');
    await sun.tap('消息');
    await sun.see('2条未读消息');
    await sun.see('您获得了印章授权');
    await sun.see(`${XINCHUANG.name}授权您为印章持有人`);
    await sun.see('印章授权已取消');
    await sun.see(`${XINCHUANG.name}已取消您对`);
    await sun.see('相关印章即日起不能再由您使用或管理');
    const titles = await sun.screen.locator('.message .list-title').allInnerTexts();
    expect(titles).toEqual(['印章授权已取消', '您获得了印章授权']);
    await sun.shot(J, '1-holder-messages');
  });

  it('tells the applicant of the rejection with its reason, and of the approval', async () => {
    await li.login();
    await openTab(li, '我的');
    await li.tap('消息');
    await li.see('申请被驳回');
    await li.see(`（申请编号 ${rejected.reference}）被驳回，原因：${REJECTION}`);
    await li.see('申请已通过');
    await li.see(`（申请编号 ${approved.reference}）已由窗口审核通过`);
    await li.see(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await li.shot(J, '2-applicant-messages');
  });

  it('opens the rejected application from its message, and the message is read', async () => {
    await li.tap('申请被驳回');
    await li.see(rejected.reference);
    await li.see('驳回原因');
    await li.see(REJECTION);
    await li.shot(J, '3-rejected-application');
    await openTab(li, '我的');
    await li.tap('消息');
    await li.see('申请被驳回');
    const rejection = li.screen.locator('.message', { hasText: '申请被驳回' });
    await expect(rejection.locator('text=未读').count()).resolves.toBe(0);
  });
});
