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
    // The full guide opens from the prompt, readable on its own page; back, the prompt still waits.
    await li.tap('阅读完整的《隐私保护指引》');
    await li.see('一、我们收集哪些信息');
    await li.shot(J, '1a-privacy-guide');
    await li.page.goBack();
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

  it('recovers from a name that does not match the ID number: says so, and the login starts over', async () => {
    await sun.tap('登录');
    await sun.tap('微信一键登录');
    await sun.agreePrivacyIfAsked();
    await sun.pickIdentity();
    await sun.fill('请输入姓名', '孙莉');
    await sun.fill('请输入身份证号码', PEOPLE.sun.idNumber);
    await sun.tap('开始人脸核验');
    // Refused before any face is scanned, as WeChat's real-name check refuses a name that is not the ID number's.
    await sun.see('姓名与身份证号码不符');
    expect(await sun.page.locator('.simulator-badge').count()).toBe(0);
    await sun.see('请核对姓名和身份证号码，点击“微信一键登录”重新开始。');
    await sun.shot(J, '5a-login-mismatch');
    // The button works again, and what was typed is still there to correct.
    await sun.tap('微信一键登录');
    await sun.pickIdentity();
    await expect(sun.input('请输入身份证号码').inputValue()).resolves.toBe(PEOPLE.sun.idNumber);
    await sun.fill('请输入姓名', PEOPLE.sun.name);
    await sun.tap('开始人脸核验');
    await sun.faceCheck();
    await sun.see('孙丽，您好');
  });

  it('offers a way back to 首页 from the login page', async () => {
    await sun.open('/packages/auth/login/index');
    await sun.tap('返回首页');
    await sun.see('统一电子印章平台');
  });

  it('lets the holder claim the seal, shown 待领取 until she has, without offering her 印章授权', async () => {
    await sun.home();
    expect(await sun.screen.getByText('印章授权', { exact: true }).count()).toBe(0);
    await sun.shot(J, '5-home-holder');
    await sun.tap('印章领取');
    // The seal is in use by the company already (正常), but not by her: 待领取.
    await sun.see('待领取');
    await sun.shot(J, '5b-claim-list-holder');
    await sun.screen.locator('.list-title', { hasText: SEAL_NAME }).first().tap();
    await sun.fill('6位数字', '583920');
    await sun.screen.locator('input[placeholder="6位数字"]').nth(1).fill('583920');
    await sun.tap('人脸核验并领取');
    await sun.faceCheck();
    await sun.see('证书下载成功!');
  });

  it('shows the seal’s 印章数据 in its detail: esID, the platform’s seal maker and the validity', async () => {
    await li.home();
    await openSeal(li);
    const card = li.screen.locator('#seal-data');
    await li.see('印章标识');
    const text = await card.innerText();
    expect(text).toMatch(/印章标识\s*seal-/);
    expect(text).toMatch(/制章者\s*.+电子印章制章/);
    expect(text).toMatch(/有效期\s*\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    await li.shot(J, '5c-seal-data');
  });

  it('lets the legal representative freeze the seal and unfreeze it', async () => {
    await li.home();
    await openSeal(li);
    sealPage = new URL(li.page.url()).hash.slice(1);
    await li.tap('在线冻结');
    await li.fill('请输入冻结原因', '公章保管人员变动');
    await li.tap('人脸核验并提交');
    // Asked first, with what follows; 取消 changes nothing and asks for no face check.
    await li.see('确定冻结该印章吗？');
    await li.see('冻结后，所有持有人都不能使用该印章签章，直至解冻。');
    await li.shot(J, '6a-freeze-confirm');
    await li.tap('取消');
    await li.notSee('确定冻结该印章吗？');
    await li.tap('人脸核验并提交');
    await li.tap('确定冻结');
    await li.faceCheck();
    await li.see('已冻结');
    await li.see('冻结原因：公章保管人员变动');
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
    await li.tap('确定冻结');
    await li.faceCheck('fail');
    await li.see('人脸核验未通过');
  });

  it('cancels the holder’s grant in 授权管理, after which the holder no longer sees the seal', async () => {
    await openTab(li, '我的');
    await li.tap('授权管理');
    await li.see('孙丽 · 印章持有人');
    await li.shot(J, '8-grants');
    await li.tap('取消授权');
    await li.see('确定取消孙丽的授权吗？');
    await li.see('取消后立即生效：孙丽将不能再以印章持有人身份使用');
    await li.shot(J, '8a-cancel-confirm');
    await li.tap('取消');
    // Cancelling the dialog changes nothing: the grant stands, and the holder still signs.
    await li.see('孙丽 · 印章持有人');
    await sun.home();
    await sun.see('文件签章');

    await li.tap('取消授权');
    await li.tap('确定取消授权');
    await li.see('暂无授权');

    await sun.home();
    await sun.page.reload();
    await sun.see('孙丽，您好');
    expect(await sun.screen.getByText('文件签章', { exact: true }).count()).toBe(0);
    await openTab(sun, '印章管理');
    await sun.see('您暂无可管理的企业印章');
    // She is told why, and when (Beijing time).
    await sun.see(/深圳市南山新创电子有限公司的1枚印章授权已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 终止，原因：取消授权/);
    await sun.shot(J, '9-holder-after-cancel');
    // Opening the seal by its address is refused by the API, in Chinese.
    await sun.open(sealPage);
    await sun.see('您没有办理该业务的权限');
  });

  it('puts 字体大小 first on 我的, with 特大 at 1.5× and nothing cut off', async () => {
    await openTab(li, '我的');
    await li.see('字体大小');
    const top = async (text: string) => (await li.screen.getByText(text, { exact: true }).first().boundingBox())!.y;
    expect(await top('字体大小')).toBeLessThan(await top('退出登录'));
    expect(await top('字体大小')).toBeLessThan(await top('我的企业'));
    const titleSize = () => li.screen.locator('.page-title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const standard = await titleSize();
    await li.tap('特大');
    for (let i = 0; i < 50 && (await titleSize()) < standard * 1.5 - 0.01; i++) await li.page.waitForTimeout(100);
    expect(await titleSize()).toBeGreaterThanOrEqual(standard * 1.5 - 0.01);
    const overflow = await li.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await li.shot(J, '10-mine-extra-large');
    await li.tap('标准');
  });

  it('opens 帮助与常见问题, 隐私保护指引 and 用户服务协议 from 我的', async () => {
    for (const [entry, heading, step] of [
      ['帮助与常见问题', '如何登录？', '11-help'],
      ['隐私保护指引', '五、您的权利', '12-privacy'],
      ['用户服务协议', '三、签章密码与印章保管', '13-agreement'],
    ] as const) {
      await openTab(li, '我的');
      await li.tap(entry);
      await li.see(heading);
      await li.shot(J, step);
    }
  });
});
