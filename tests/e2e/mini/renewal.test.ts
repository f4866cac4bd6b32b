import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, claim, companySeals } from './signing-api';
import { api } from './support/api';
import { Phone } from './support/phone';
import { PEOPLE, XINCHUANG } from './support/people';
import { openTab } from './support/steps';

// 续期 with its reminder. 李娜 claimed the company-name seal (a one-year certificate). The local
// stack's clock is set 340 days ahead (decision 0107) and the daily renewal job runs: the seal is
// 待续期 and she is reminded. On her phone she reads the reminder in 消息, follows it to 印章管理,
// taps 续期, passes the face check and sees the new 有效期至, a year on by the platform's clock.
const J = 'mini-renewal';
const SEAL = '法定名称章';
const AGED_DAYS = 340;

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let li: Phone;
let sealId: string;
let oldExpiry: string;

const expiresOn = async (token: string) =>
  (await api(stack.url, 'GET', `/v1/companies/${XINCHUANG.companyId}/seals`, { token })).seals.find((s: { sealId: string }) => s.sealId === sealId)
    .expiresOn as string;

beforeAll(async () => {
  stack = await startJourneyStack();
  const token = await apiLogin(stack.url, PEOPLE.li);
  sealId = (await companySeals(stack.url, token, XINCHUANG.companyId)).find((s) => s.kind === 'company_name')!.sealId;
  await claim(stack.url, token, XINCHUANG.companyId, sealId, '402917');
  oldExpiry = await expiresOn(token);
  browser = await launchChromium();
  li = await Phone.open(browser, stack.url, PEOPLE.li);
});

afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

describe('续期 with its reminder', () => {
  it('ages the certificate on the local clock; the renewal job marks the seal 待续期 and reminds her', async () => {
    const clock = await api(stack.url, 'POST', '/local/clock', { body: { offsetDays: AGED_DAYS } });
    expect(clock.offsetDays).toBe(AGED_DAYS);
    const daysLeft = (Date.parse(oldExpiry) - Date.parse(clock.now)) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThanOrEqual(30);
    const job = await api(stack.url, 'POST', '/local/jobs/renewal');
    expect(job.markedRenewalDue).toContain(sealId);
    expect(job.reminded).toBeGreaterThanOrEqual(1);
    // Run again the same day: nothing new, nobody reminded twice.
    expect((await api(stack.url, 'POST', '/local/jobs/renewal')).reminded).toBe(0);
  });

  it('shows her the reminder in 消息 and leads her to 印章管理, where 续期 is offered', async () => {
    await li.login();
    await openTab(li, '我的');
    await li.see('条未读');
    await li.tap('消息');
    await li.see('印章证书即将到期');
    await li.see(new RegExp(`${SEAL}.*${oldExpiry}`));
    await li.shot(J, '1-reminder');
    await li.tap('印章证书即将到期');
    await li.see('印章续期');
    await li.see(new RegExp(`${SEAL}的证书即将到期或已过期，续期后可继续使用`));
    await li.see('待续期');
    await li.shot(J, '2-seals-due');
  });

  it('renews after the face check and shows the new 有效期至 in Beijing time', async () => {
    await li.tap('续期');
    await li.see('人脸核验并续期');
    await li.see(`有效期至 ${oldExpiry}`);
    await li.shot(J, '3-renew');
    await li.tap('人脸核验并续期');
    await li.faceCheck('pass');
    await li.see('续期成功，印章证书已更新');
    const token = await apiLogin(stack.url, PEOPLE.li);
    const newExpiry = await expiresOn(token);
    // A year on from the platform's (aged) clock, not from the old expiry day.
    const platformToday = (await api(stack.url, 'GET', '/local/clock')).now.slice(0, 10);
    expect(newExpiry > oldExpiry).toBe(true);
    expect(Math.round((Date.parse(newExpiry) - Date.parse(platformToday)) / 86_400_000)).toBeGreaterThanOrEqual(365);
    await li.see(`有效期至 ${newExpiry}`);
    await li.notSee('人脸核验并续期');
    await li.shot(J, '4-renewed');
    const seal = (await companySeals(stack.url, token, XINCHUANG.companyId)).find((s) => s.sealId === sealId)!;
    expect(seal.state).toBe('active');
  });

  it('no longer offers 续期 once renewed', async () => {
    await openTab(li, '印章管理');
    await li.see(SEAL);
    await li.see(/有效期至/);
    await li.notSee('印章续期');
  });
});
