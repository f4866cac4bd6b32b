import { launchChromium } from './support/browser';
(async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 500)));
  await page.goto('http://localhost:20900/#/pages/home/index');
  await page.waitForTimeout(5000);
  console.log((await page.locator('body').innerText()).slice(0, 300));
  await browser.close();
})();
