import type { Locator, Page } from 'playwright-core';

/**
 * A seal's image is on screen: the <img> named for the seal (alt 印章图片：<name>) has loaded a real
 * picture, not a broken or empty one.
 */
export async function expectSealImage(scope: Page | Locator, sealName: string): Promise<void> {
  const img = scope.locator(`img[alt^="印章图片："][alt*="${sealName}"]`).first();
  await img.waitFor({ state: 'visible' });
  const width = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => undefined);
    return el.naturalWidth;
  });
  if (!(width > 0)) throw new Error(`the image of ${sealName} did not load (natural width ${width})`);
}
