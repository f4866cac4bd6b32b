import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from './stack';
import { getServices } from '../../src/composition';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-stack-'));
const appDir = path.join(dataDir, 'app');
mkdirSync(appDir);
writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>电子印章</title>');

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, dataDir, staticRoots: [{ prefix: '/', dir: appDir }] });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local stack', () => {
  it('reports every backing service up on GET /v1/health', async () => {
    const res = await fetch(`${stack.url}/v1/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(Object.keys(body.services).sort()).toEqual(['dynamodb', 'kms', 's3']);
    for (const service of Object.values(body.services) as { up: boolean }[]) expect(service.up).toBe(true);
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

  it('keeps its data across a restart', async () => {
    const now = new Date().toISOString();
    await getServices().store.people.create({ personId: 'p-persist', name: '李四', idNumberMasked: '4403**********1234', sessionEpoch: 0, createdAt: now });
    await stack.stop();
    stack = await startLocalStack({ port: 0, dataDir, staticRoots: [{ prefix: '/', dir: appDir }] });
    const person = await getServices().store.people.get('p-persist');
    expect(person?.name).toBe('李四');
  }, 120_000);
});
