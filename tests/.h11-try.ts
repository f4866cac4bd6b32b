import { launchChromium, screenshot } from './support/browser';
import { Phone } from './e2e/mini/support/phone';
import { PEOPLE } from './e2e/mini/support/people';
(async () => {
  const browser = await launchChromium();
  const phone = await Phone.open(browser, 'http://localhost:20900', PEOPLE.li);
  const dump = async () => console.log(JSON.stringify(await phone.page.locator('.taro_page').evaluateAll((els) => els.map((e) => ({ id: e.id, cls: e.className, disp: getComputedStyle(e).display, text: (e as HTMLElement).innerText.slice(0, 40) })))));
  try {
    await phone.login();
    await screenshot(phone.page, 'h11-try', 'a');
    await dump();
    await phone.tap('印章领取');
    await phone.page.waitForTimeout(2000);
    await dump();
  } catch (e) {
    console.error('FAIL', String(e).slice(0, 300));
    await dump();
  }
  await browser.close();
})();
