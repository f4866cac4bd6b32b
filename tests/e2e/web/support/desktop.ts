import type { Page } from 'playwright-core';
import type { Phone } from './phone';

/** The QR code's payload as the desktop shows it (what a phone camera would read). */
export async function qrPayloadOn(page: Page): Promise<string> {
  const qr = page.getByTestId('qr-code').last();
  await qr.waitFor();
  return (await qr.getAttribute('data-qr-payload'))!;
}

/** 立即登录 on the desktop, approved by this phone. */
export async function loginOnDesktop(page: Page, phone: Phone): Promise<void> {
  await page.goto('/web/login');
  await phone.approve(await qrPayloadOn(page));
  await page.getByTestId('logged-in').waitFor();
}
