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
