import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { Phone } from './support/phone';
import { PEOPLE } from './support/people';
import { enterNewPin, openTab, tapChip, tapSeal } from './support/steps';

// 法定代表人 张伟 applies online for a contract seal, claims it, changes its PIN, resets a forgotten
// PIN, and finally revokes the seal; each refusal on the way is shown in Chinese.
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let zhang: Phone;
const J = 'mini-pin-revoke';

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  zhang = await Phone.open(browser, stack.url, PEOPLE.zhang);
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

async function openContractSeal() {
  await zhang.home();
  await openTab(zhang, '印章管理');
  await tapSeal(zhang, '合同专用章');
  await zhang.see(/有效期至 \d{4}-\d{2}-\d{2}/);
}

describe('PIN and revocation on the phone', () => {
  it('applies online for a contract seal and claims it', async () => {
    await zhang.login();
    await zhang.tap('印章申请');
    await zhang.tap('在线申请');
    // 电子营业执照 first: declining it says to go to the window, and it can be presented again.
    await zhang.tap('出示电子营业执照');
    await zhang.see('是否授权“电子印章平台”获取并验证本企业的电子营业执照？');
    await zhang.shot(J, '1a-licence');
    await zhang.tap('拒绝');
    await zhang.see('请通过窗口办理印章申请');
    await zhang.see('前往窗口办理');
    await zhang.tap('出示电子营业执照');
    await zhang.tap('授权');
    await zhang.see('电子营业执照已验证');
    await tapChip(zhang, '合同专用章');
    await zhang.shot(J, '1-apply-online');
    await zhang.tap('人脸核验并提交');
    await zhang.faceCheck();
    // 印章领取 opens in place of the application, listing the new seal to claim (it was a blank page).
    await zhang.see('印章领取');
    await zhang.see('选择要领取的印章');
    await tapSeal(zhang, '合同专用章');
    await enterNewPin(zhang, '264810');
    await zhang.tap('人脸核验并领取');
    await zhang.faceCheck();
    await zhang.see('证书下载成功!');
    await zhang.shot(J, '2-claimed');
  });

  it('refuses a second application for the same seal with the API’s message', async () => {
    await zhang.home();
    await zhang.tap('印章申请');
    await zhang.tap('在线申请');
    await zhang.tap('出示电子营业执照');
    await zhang.tap('授权');
    await tapChip(zhang, '合同专用章');
    await zhang.tap('人脸核验并提交');
    await zhang.faceCheck();
    await zhang.see('该商事主体已有合同专用章，无需重复申请');
  });

  it('changes the PIN, refusing a wrong current PIN first', async () => {
    await openContractSeal();
    await zhang.tap('修改签章密码');
    const pins = zhang.screen.locator('input[placeholder="6位数字"]');
    await pins.nth(0).fill('111222');
    await enterNewPin(zhang, '739102');
    await zhang.tap('人脸核验并提交');
    await zhang.faceCheck();
    await zhang.see('签章密码错误');
    await zhang.shot(J, '3-wrong-pin');
    await pins.nth(0).fill('264810');
    await enterNewPin(zhang, '739102');
    await zhang.tap('人脸核验并提交');
    await zhang.faceCheck();
    await zhang.see('完成');
    await zhang.shot(J, '4-pin-changed');
  });

  it('resets a forgotten PIN after a face check', async () => {
    await openContractSeal();
    await zhang.tap('忘记签章密码');
    await enterNewPin(zhang, '851736');
    await zhang.tap('人脸核验并提交');
    await zhang.see('确定重置签章密码吗？');
    await zhang.see('重置后原签章密码和原证书立即作废');
    await zhang.tap('确定重置');
    await zhang.faceCheck();
    await zhang.see('完成');
    await zhang.shot(J, '5-pin-reset');
  });

  it('revokes the seal with a reason, after which only its state is shown', async () => {
    await openContractSeal();
    await zhang.tap('在线注销');
    await zhang.tap('人脸核验并提交');
    await zhang.see('请选择注销原因');
    await tapChip(zhang, '企业撤并');
    await zhang.shot(J, '6-revoke-form');
    await zhang.tap('人脸核验并提交');
    await zhang.see('确定注销该印章吗？');
    await zhang.see('注销后该印章永久失效，所有证书立即吊销');
    await zhang.shot(J, '6a-revoke-confirm');
    // 取消: nothing happens, the seal is still in use.
    await zhang.tap('取消');
    await zhang.notSee('确定注销该印章吗？');
    await openContractSeal();
    await zhang.see('正常');
    await zhang.tap('在线注销');
    await tapChip(zhang, '企业撤并');
    await zhang.tap('人脸核验并提交');
    await zhang.tap('确定注销');
    await zhang.faceCheck();
    await zhang.see('已注销');
    await zhang.see('注销原因：');
    // Nothing can be done with a revoked seal but read its history.
    await zhang.see('用印记录');
    await zhang.notSee('在线注销');
    await zhang.notSee('在线冻结');
    await zhang.shot(J, '7-revoked');
  });
});
