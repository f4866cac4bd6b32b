import { launchChromium } from '/work/main/tests/support/browser';
import { startJourneyStack } from '/tmp/h12b/stack-override';
import { Phone } from '/work/main/tests/e2e/mini/support/phone';
import { PEOPLE } from '/work/main/tests/e2e/mini/support/people';

it('dumps layout', async () => {
  const stack = await startJourneyStack({ port: 21010, dynamoPort: 21011, s3Port: 21012, kmsPort: 21013 });
  const browser = await launchChromium();
  try {
    const sun = await Phone.open(browser, stack.url, PEOPLE.li);
    await sun.login();
    await sun.open('/packages/sign/index/index');
    await sun.see('选择企业');
    await sun.screen.locator('.chip', { hasText: '法定名称章' }).count().then((n) => console.log('chips', n));
    const chooser = sun.page.waitForEvent('filechooser', { timeout: 5000 }).catch((e) => 'none ' + e.message);
    sun.page.on('console', (m) => console.log('console:', m.type(), m.text()));
    sun.page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await sun.page.evaluate(() => { const orig = HTMLInputElement.prototype.click; HTMLInputElement.prototype.click = function () { console.log('input click', this.type, navigator.userActivation?.isActive); return orig.call(this); }; });
    await sun.screen.getByText('选择文件', { exact: true }).click();
    await sun.page.waitForTimeout(1500);
    await sun.page.screenshot({ path: '/tmp/h12b/dbg/after-tap.png' });
    console.log('chooser', String(await chooser));
    const out = await sun.page.evaluate(() => {
      const el = document.querySelector('.sign-steps') as HTMLElement;
      const chain: string[] = [];
      let e: HTMLElement | null = el;
      while (e) { const r = e.getBoundingClientRect(); const cs = getComputedStyle(e); chain.push(`${e.tagName}.${e.className} x=${r.x} w=${r.width} pad=${cs.paddingLeft}/${cs.paddingRight} m=${cs.marginLeft}`); e = e.parentElement; }
      return chain.join('\n') + `\nvw=${window.innerWidth} docW=${document.documentElement.scrollWidth}`;
    });
    console.log(out);
  } finally {
    await browser.close();
    await stack.cleanup();
  }
});
