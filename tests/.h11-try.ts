import { launchChromium, screenshot } from './support/browser';
import { Phone } from './e2e/mini/support/phone';
import { PEOPLE } from './e2e/mini/support/people';
(async () => {
  const browser = await launchChromium();
  const phone = await Phone.open(browser, 'http://localhost:20900', PEOPLE.li);
  try {
    await phone.see('统一电子印章平台');
    await screenshot(phone.page, 'h11-try', '1-home');
    await phone.login();
    await screenshot(phone.page, 'h11-try', '2-home-in');
    console.log((await phone.page.locator('.taro_page').count()), await phone.screen.innerText());
  } catch (e) {
    console.error('FAIL', e);
    await screenshot(phone.page, 'h11-try', 'fail');
    console.log(await phone.page.locator('body').innerHTML().then((h) => h.slice(0, 3000)));
  }
  await browser.close();
})();
