// `npm run screenshots`: refreshes the README's pictures (docs/screenshots/) from a journey run.
// Runs the journeys that take them (tests/support/review.ts saves every reviewed page under
// tests/e2e/screenshots/), then copies a few small: the phone at 360 px wide and the desktop site at
// 960 px, the first screen of each, as JPEG, resized by the same Debian Chromium the journeys drive.
// `--no-run` copies what the last journey run left; `--from DIR` reads another screenshots folder.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'tests/package.json'))('playwright-core');

/** Which journey screenshot becomes which picture; `phone` ones were taken at 390 css px, DPR 2. */
const SHOTS = [
  { from: 'mini-seal-grant/2-home-legal-rep.png', to: 'phone-home.jpg', device: 'phone' },
  { from: 'mini-seal-grant/4-authorize-form.png', to: 'phone-authorize.jpg', device: 'phone' },
  { from: 'mini-signing/3-placed-on-page-2.png', to: 'phone-sign.jpg', device: 'phone' },
  { from: 'mini-signing/6-verified.png', to: 'phone-verified.jpg', device: 'phone' },
  { from: 'web-seals/1-legal-representative.png', to: 'desktop-seals.jpg', device: 'desktop' },
  { from: 'web-verify/1-valid.png', to: 'desktop-verify.jpg', device: 'desktop' },
];
const JOURNEYS = ['e2e/mini/seal-grant', 'e2e/mini/signing', 'e2e/web/seals', 'e2e/web/verify'];
// Output width and the source's first screen (in source pixels) for each device.
const SIZE = { phone: { width: 360, screen: { width: 780, height: 1688 } }, desktop: { width: 960, screen: { width: 1440, height: 900 } } };
const MAX_BYTES = 150 * 1024;

const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');
const source = fromIndex >= 0 ? path.resolve(args[fromIndex + 1]) : path.join(root, 'tests/e2e/screenshots');
if (!args.includes('--no-run') && fromIndex < 0) {
  execSync(`npx jest ${JOURNEYS.join(' ')}`, { cwd: path.join(root, 'tests'), stdio: 'inherit' });
}

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const shot of SHOTS) {
    const file = path.join(source, shot.from);
    if (!existsSync(file)) throw new Error(`${file} is missing: did its journey (${JOURNEYS.join(', ')}) run?`);
    const { width, screen } = SIZE[shot.device];
    const scale = width / screen.width;
    const height = Math.round(screen.height * scale);
    const page = await browser.newPage({ viewport: { width, height } });
    const png = readFileSync(file).toString('base64');
    // The source drawn at the output width from its top: what is below the first screen is cut.
    await page.setContent(
      `<body style="margin:0;overflow:hidden;background:#fff"><img style="display:block;width:${width}px" src="data:image/png;base64,${png}"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    let quality = 80;
    let bytes = await page.screenshot({ type: 'jpeg', quality });
    while (bytes.length > MAX_BYTES && quality > 40) bytes = await page.screenshot({ type: 'jpeg', quality: (quality -= 10) });
    await page.close();
    writeFileSync(path.join(out, shot.to), bytes);
    console.log(`docs/screenshots/${shot.to}  ${(statSync(path.join(out, shot.to)).size / 1024).toFixed(0)} KB  (from ${shot.from})`);
  }
} finally {
  await browser.close();
}
