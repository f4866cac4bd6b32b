import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from './stack';
import { getServices } from '../../src/composition';
import { testTable } from '../../src/adapters/dynamodb/test-table';
import { connectOutcome, listeningAddresses, nonLoopbackAddress } from '../../test-support/network';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-stack-'));
const appDir = path.join(dataDir, 'app');
mkdirSync(appDir);
const INLINE_SCRIPT = 'document.documentElement.style.fontSize="20px"';
writeFileSync(path.join(appDir, 'index.html'), `<!doctype html><title>电子印章</title><script>${INLINE_SCRIPT}</script><script src="/app.js"></script>`);
// The desktop site, served under /web/ as `npm start` serves it.
const webDir = path.join(dataDir, 'web');
mkdirSync(webDir);
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>电子印章 桌面端</title><script src="/web/app.js"></script>');

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, dataDir, staticRoots: [{ prefix: '/web/', dir: webDir }, { prefix: '/', dir: appDir }] });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local stack', () => {
  it('answers GET /v1/health (liveness) without naming any backing service, and keeps readiness for staff', async () => {
    const res = await fetch(`${stack.url}/v1/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', stage: 'local' });
    expect(body.services).toBeUndefined();
    expect((await fetch(`${stack.url}/v1/health/ready`)).status).toBe(401);
  });

  it('answers an unknown API path with 404 and a Chinese message', async () => {
    const res = await fetch(`${stack.url}/v1/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await fetch(`${stack.url}/v1/health`, { method: 'DELETE' });
    expect(res.status).toBe(405);
  });

  it('serves the app at / and falls back to index.html for client-side routes', async () => {
    for (const p of ['/', '/pages/seal/index']) {
      const res = await fetch(`${stack.url}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('电子印章');
    }
  });

  it('tells browsers what a page may do: CSP without inline script but the built one by hash, no framing, nosniff', async () => {
    const page = await fetch(`${stack.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    // 'unsafe-hashes' lets exactly Taro's no-op `javascript:;` tab-bar links through, nothing else inline.
    const noOp = createHash('sha256').update('javascript:;').digest('base64');
    expect(csp).toContain(`script-src 'self' 'unsafe-hashes' 'sha256-${noOp}' 'sha256-${hash}';`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' blob: ${new URL(stack.endpoints.s3).origin}`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    // The desktop site (its QR-login and signing pages are what clickjacking would frame) gets the same.
    const web = await fetch(`${stack.url}/web/`);
    expect(await web.text()).toContain('桌面端');
    const webCsp = web.headers.get('content-security-policy') ?? '';
    expect(webCsp).toContain("script-src 'self'");
    expect(webCsp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(webCsp).toContain("frame-ancestors 'none'");
    expect(web.headers.get('x-frame-options')).toBe('DENY');
    expect(web.headers.get('x-content-type-options')).toBe('nosniff');
    expect(web.headers.get('referrer-policy')).toBe('no-referrer');
    expect(web.headers.get('permissions-policy')).toContain('camera=()');
    for (const res of [await fetch(`${stack.url}/v1/health`), await fetch(`${stack.url}/v1/no-such-thing`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('listens on loopback only: the API, DynamoDB Local, S3 and KMS sockets are on 127.0.0.1, and this machine’s other address (if any) is refused', async () => {
    const ports = [stack.url, stack.endpoints.dynamodb, stack.endpoints.s3, stack.endpoints.kms].map((u) => Number(new URL(u).port));
    const address = nonLoopbackAddress();
    for (const port of ports) {
      expect({ port, listening: listeningAddresses(port) }).toEqual({ port, listening: ['127.0.0.1'] });
      expect({ port, outcome: await connectOutcome('127.0.0.1', port) }).toEqual({ port, outcome: 'connected' });
      if (address) expect({ port, outcome: await connectOutcome(address, port) }).toEqual({ port, outcome: 'refused' });
    }
  });

  it('keeps its data across a restart', async () => {
    const now = new Date().toISOString();
    await getServices().store.people.create({ personId: 'p-persist', name: '李四', idNumberMasked: '4403**********1234', sessionEpoch: 0, createdAt: now });
    await stack.stop();
    stack = await startLocalStack({ port: 0, dataDir, staticRoots: [{ prefix: '/', dir: appDir }] });
    const person = await getServices().store.people.get('p-persist');
    expect(person?.name).toBe('李四');
  }, 120_000);

  it('shows a person the company a data directory from before decision 0205 filed the old way, after a restart', async () => {
    const now = new Date().toISOString();
    const { store } = getServices();
    await store.people.create({ personId: 'p-before-0205', name: '王五', idNumberMasked: '4403**********5678', sessionEpoch: 0, createdAt: now });
    const company = { companyId: '91440300MA5BEFORE02', name: '深圳市旧数据科技有限公司', type: 'domestic' as const, legalRepName: '王五', legalRepPersonId: 'p-before-0205', registeredOn: '2024-01-02', status: 'active' as const, integration: 'none' as const, version: 1 };
    await testTable(store).putBefore0205('company', company);
    await stack.stop();
    stack = await startLocalStack({ port: 0, dataDir, staticRoots: [{ prefix: '/', dir: appDir }] });
    const table = testTable(getServices().store);
    expect((await table.personIndexKeysOf('company', { companyId: company.companyId })).gsi1pk).toBe('$seal#legalreppersonid_p-before-0205');
    expect((await getServices().store.recordsOf('p-before-0205')).companies).toEqual([company]);
    expect((await table.personIndexKeysOf('company', { companyId: company.companyId })).gsi1pk).toBe('$seal#personid_p-before-0205');
  }, 120_000);
});
