import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { Phone } from './support/phone';
import { PEOPLE } from './support/people';
import { openTab } from './support/steps';

// 法定代表人 李娜 claims her company-name seal, authorizes 孙丽 as its holder, 孙丽 claims it;
// 李娜 freezes and unfreezes it, then cancels the grant and 孙丽 loses the seal.
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let li: Phone;
let sun: Phone;
const SEAL_NAME = '法定名称章';
const J = 'mini-seal-grant';
/** The seal's detail page, as the legal representative opened it. */
let sealPage = '';

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  li = await Phone.open(browser, stack.url, PEOPLE.li);
  sun = await Phone.open(browser, stack.url, PEOPLE.sun);
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

async function openSeal(phone: Phone) {
  await openTab(phone, '印章管理');
  await phone.see(SEAL_NAME);
  await phone.screen.locator('.list-title', { hasText: SEAL_NAME }).first().tap();
  await phone.see('法定名称章');
}

describe('claim, authorize, freeze and cancel on the phone', () => {
  it('asks for the privacy agreement before the first login, then logs the legal representative in', async () => {
    await li.tap('登录');
    await li.tap('微信一键登录');
    await li.see('隐私保护指引');
    await li.shot(J, '1-privacy');
    await li.tap('同意并继续');
    await li.pickIdentity();
    await li.fill('请输入姓名', PEOPLE.li.name);
    await li.fill('请输入身份证号码', PEOPLE.li.idNumber);
    await li.tap('开始人脸核验');
    await li.faceCheck();
    await li.see('李娜，您好');
    await li.shot(J, '2-home-legal-rep');
  });

  it('lets the legal representative claim the company-name seal with a face check and a PIN', async () => {
    await li.tap('印章领取');
    await li.screen.locator('.list-title', { hasText: SEAL_NAME }).first().tap();
    await li.fill('6位数字', '123456');
    await li.screen.locator('input[placeholder="6位数字"]').nth(1).fill('123456');
    await li.tap('人脸核验并领取');
    await li.see('签章密码过于简单，不能为相同数字或连续数字');
    await li.fill('6位数字', '402917');
    await li.screen.locator('input[placeholder="6位数字"]').nth(1).fill('402917');
    await li.tap('人脸核验并领取');
    await li.faceCheck();
    await li.see('证书下载成功!');
    await li.shot(J, '3-claimed');
  });

  it('lets the legal representative authorize 孙丽 as holder of that seal', async () => {
    await li.home();
    await li.tap('印章授权');
    await li.see('被授权人信息');
    await li.screen.locator('.chip', { hasText: SEAL_NAME }).tap();
    await li.fill('请输入姓名', PEOPLE.sun.name);
    await li.fill('请输入身份证号码', PEOPLE.sun.idNumber);
    await li.fill('请输入手机号码', PEOPLE.sun.phone);
    await li.shot(J, '4-authorize-form');
    await li.tap('人脸核验并授权');
    await li.faceCheck();
    await li.see('授权成功');
  });

  it('lets the holder log in and claim the seal, without offering her 印章授权', async () => {
    await sun.login();
    expect(await sun.screen.getByText('印章授权', { exact: true }).count()).toBe(0);
    await sun.shot(J, '5-home-holder');
    await sun.tap('印章领取');
    await sun.screen.locator('.list-title', { hasText: SEAL_NAME }).first().tap();
    await sun.fill('6位数字', '583920');
    await sun.screen.locator('input[placeholder="6位数字"]').nth(1).fill('583920');
    await sun.tap('人脸核验并领取');
    await sun.faceCheck();
    await sun.see('证书下载成功!');
  });

  it('lets the legal representative freeze the seal and unfreeze it', async () => {
    await li.home();
    await openSeal(li);
    sealPage = new URL(li.page.url()).hash.slice(1);
    await li.tap('在线冻结');
    await li.fill('请输入冻结原因', '公章保管人员变动');
    await li.tap('人脸核验并提交');
    await li.faceCheck();
    await li.see('已冻结');
    await li.shot(J, '6-frozen');
    expect(await li.screen.getByText('在线冻结', { exact: true }).count()).toBe(0);
    await li.tap('在线解冻');
    await li.fill('请输入解冻原因', '人员交接完成');
    await li.tap('人脸核验并提交');
    await li.faceCheck();
    await li.see('在线冻结');
    await li.shot(J, '7-unfrozen');
  });

  it('shows a failed face check as its Chinese refusal', async () => {
    await li.tap('在线冻结');
    await li.fill('请输入冻结原因', '测试核验失败');
    await li.tap('人脸核验并提交');
    await li.faceCheck('fail');
    await li.see('人脸核验未通过');
  });

  it('cancels the holder’s grant in 授权管理, after which the holder no longer sees the seal', async () => {
    await openTab(li, '我的');
    await li.tap('授权管理');
    await li.see('孙丽 · 印章持有人');
    await li.shot(J, '8-grants');
    await li.tap('取消授权');
    await li.see('暂无授权');

    await sun.home();
    await sun.page.reload();
    await sun.see('孙丽，您好');
    expect(await sun.screen.getByText('文件签章', { exact: true }).count()).toBe(0);
    await openTab(sun, '印章管理');
    await sun.see('您暂无可管理的企业印章');
    await sun.shot(J, '9-holder-after-cancel');
    // Opening the seal by its address is refused by the API, in Chinese.
    await sun.open(sealPage);
    await sun.see('您没有办理该业务的权限');
  });
});
