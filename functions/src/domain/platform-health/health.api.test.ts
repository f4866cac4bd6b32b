import { apiClient, type Api } from '../../../test-support/identity-stack';
import { countDynamoDbCalls } from '../../../test-support/dynamodb-calls';
import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';

/** Liveness for anyone, readiness for operators (decision 0142), on the local stack. */
let h: WindowHarness;
let api: Api;
beforeAll(async () => {
  h = await startWindowHarness();
  api = apiClient(h.stack.url);
}, 180_000);
afterAll(() => h?.stop());

describe('health', () => {
  it('tells anyone the platform is live, calling no backing service', async () => {
    const calls = countDynamoDbCalls();
    try {
      const live = await api('GET', '/v1/health');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok', stage: 'local', version: expect.any(String), time: expect.any(String) });
      expect(calls.calls).toEqual([]);
    } finally {
      calls.restore();
    }
  });

  it('reports each backing service to window staff only, and asks them at most once in a few seconds', async () => {
    expect((await api('GET', '/v1/health/ready')).status).toBe(401);
    expect((await api('GET', '/v1/health/ready', { token: await h.token('lr-xinghe') })).status).toBe(403);

    const staff = await h.staffToken();
    const calls = countDynamoDbCalls();
    try {
      const ready = await api('GET', '/v1/health/ready', { token: staff });
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ok');
      expect(Object.keys(ready.body.services).sort()).toEqual(['dynamodb', 'kms', 's3']);
      for (const service of Object.values(ready.body.services) as { up: boolean }[]) expect(service.up).toBe(true);
      expect(calls.calls.map((c) => c.operation)).toContain('DescribeTable');

      // The staff login's audit events are linked by the in-process chainer, whose reads would count here.
      await h.stack.drainAuditStream();
      calls.start();
      expect((await api('GET', '/v1/health/ready', { token: staff })).body).toEqual(ready.body);
      // Only the session check reads the table; the report is the one just made.
      expect(calls.calls.map((c) => c.operation)).toEqual(['Get']);
    } finally {
      calls.restore();
    }
  });
});
