// Smoke check of the H5 build in headless Chromium: serves dist-h5/ on a local port, answers
// GET /v1/health from fixtures, and screenshots the home page (normal, 1.3× text, degraded, error)
// into .tmp/. Exits non-zero when the home page does not show what a user should see.
//   npx tsx scripts/check-h5.ts        (after `npm run build:h5`)
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import serveStatic from 'serve-static';
import { chromium, type Browser, type Route } from 'playwright-core';

const root = join(__dirname, '..');
const port = Number(process.env.H5_CHECK_PORT ?? 10380);
const outDir = join(root, '.tmp');

const healthy = { status: 'ok', services: { dynamodb: { up: true }, s3: { up: true }, kms: { up: true } } };
const degraded = { status: 'degraded', services: { dynamodb: { up: true }, s3: { up: false }, kms: { up: true } } };

const testPeople = [
  { key: 'lr-xinghe', name: '张三', idNumber: '440300199001011234', note: '星河科技法定代表人', code: 'sim:lr-xinghe' },
  { key: 'admin', name: '李四', idNumber: '440300199101011234', note: '印章管理员', code: 'sim:admin' },
];

function serve(): Promise<Server> {
  const files = serveStatic(join(root, 'dist-h5'), { index: ['index.html'] });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

type HealthRoute = (route: Route) => Promise<void>;

/** Opens a page in a fresh tab (the hash router would not reload the same URL). */
async function shoot(browser: Browser, name: string, query: string, health: HealthRoute, expectText: string, path = 'pages/home/index') {
  const page = await browser.newPage({ viewport: { width: 375, height: 720 }, deviceScaleFactor: 2 });
  await page.route('**/v1/health', health);
  await page.route('**/v1/dev/test-identities', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ people: testPeople }) }),
  );
  await page.goto(`http://127.0.0.1:${port}/${query}#/${path}`);
  await page.getByText(expectText).first().waitFor({ timeout: 15_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${name}: page is ${overflow}px wider than the screen`);
  const file = join(outDir, `h5-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`ok  ${name}: shows "${expectText}" → ${file}\n`);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const json =
      (status: number, body: unknown): HealthRoute =>
      (route) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    await shoot(browser, 'home', '', json(200, healthy), '运行正常');
    await shoot(browser, 'home-1.3x', '?fontScale=1.3', json(200, healthy), '运行正常');
    await shoot(browser, 'home-degraded', '', json(503, degraded), '部分服务异常');
    await shoot(browser, 'home-error', '', json(500, { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' }), '重新获取');
    await shoot(browser, 'home-offline', '', (route) => route.abort('connectionrefused'), '网络连接失败');
    await shoot(browser, 'mine-1.3x', '?fontScale=1.3', json(200, healthy), '字体大小', 'pages/mine/index');
    await shoot(browser, 'seals', '', json(200, healthy), '我的印章', 'pages/seals/index');
    await shoot(browser, 'seal-list', '', json(200, healthy), '暂无印章', 'packages/seal/list/index');
    await shoot(
      browser,
      'login-simulator-1.3x',
      '?fontScale=1.3',
      json(200, healthy),
      '张三（星河科技法定代表人）',
      'packages/simulator/login/index',
    );
    await shoot(browser, 'face-simulator', '', json(200, healthy), '核验不通过', 'packages/simulator/face-check/index');
    await shoot(browser, 'scan-simulator', '', json(200, healthy), '请粘贴二维码内容', 'packages/simulator/scan/index');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
