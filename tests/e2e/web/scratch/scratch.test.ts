import { launchChromium, desktopContext } from '../../../support/browser';
import { Phone, PEOPLE } from '../support/phone';
import { loginOnDesktop } from '../support/desktop';
it('scratch', async () => {
  const base = 'http://localhost:18080';
  const browser = await launchChromium();
  const legalRep = await new Phone(base, PEOPLE.xingheLegalRep).login();
  const ctx = await desktopContext(browser, base);
  const page = await ctx.newPage();
  await loginOnDesktop(page, legalRep);
  await page.goto('/web/business');
  const form = page.getByTestId('window-form-apply');
  await form.getByLabel('合同专用章').check();
  await form.getByRole('button', { name: '提交申请' }).click();
  await page.waitForTimeout(2000);
  console.log(await page.locator('.content').innerText());
  await browser.close();
});
