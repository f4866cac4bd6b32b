// Draws the tab-bar icons (81×81 PNG, as WeChat recommends) from the SVG shapes below, in the
// normal and selected colours, using headless Chromium. Run once after changing a shape:
//   npx tsx scripts/make-tab-icons.ts
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const shapes: Record<string, string> = {
  // 首页: a house
  home: '<path d="M12 40 L40 14 L68 40" fill="none" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/><path d="M20 36 V66 H60 V36" fill="none" stroke-width="6" stroke-linejoin="round"/><rect x="34" y="46" width="12" height="20" stroke="none"/>',
  // 印章管理: a round seal with a star
  seal: '<circle cx="40" cy="40" r="28" fill="none" stroke-width="6"/><path d="M40 24 L44.7 35.5 L57 36.2 L47.5 44 L50.6 56 L40 49.4 L29.4 56 L32.5 44 L23 36.2 L35.3 35.5 Z" stroke="none"/>',
  // 我的: a person
  mine: '<circle cx="40" cy="28" r="13" fill="none" stroke-width="6"/><path d="M14 68 C16 52 28 46 40 46 C52 46 64 52 66 68" fill="none" stroke-width="6" stroke-linecap="round"/>',
};
const colours = { normal: '#8a8a8a', active: '#c8161d' };

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
  for (const [name, shape] of Object.entries(shapes)) {
    for (const [variant, colour] of Object.entries(colours)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" fill="${colour}" stroke="${colour}">${shape}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const file = join(__dirname, '..', 'src', 'assets', 'tab', `${name}${variant === 'active' ? '-active' : ''}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } });
      process.stdout.write(`${file}\n`);
    }
  }
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
