import type { IncomingMessage, ServerResponse } from 'node:http';
import { createPorts, setServices } from '../../src/composition';
import { handleLocalControl } from './local-controls';

/** The local stack's clock control: loopback only, never in production, bad input a 400. */
function request(method: string, remoteAddress: string) {
  return { method, socket: { remoteAddress } } as unknown as IncomingMessage;
}
function response() {
  const out = { status: 0, body: undefined as unknown };
  const res = {
    writeHead: (status: number) => (out.status = status),
    end: (text: string) => (out.body = JSON.parse(text)),
  } as unknown as ServerResponse;
  return { res, out };
}
async function control(method: string, path: string, body: unknown = undefined, from = '127.0.0.1') {
  const { res, out } = response();
  const answered = await handleLocalControl(request(method, from), res, path, Buffer.from(body === undefined ? '' : JSON.stringify(body)));
  return { answered, ...out };
}

const saved = process.env.LOCAL_CLOCK_OFFSET_DAYS;
afterEach(() => {
  if (saved === undefined) delete process.env.LOCAL_CLOCK_OFFSET_DAYS;
  else process.env.LOCAL_CLOCK_OFFSET_DAYS = saved;
  setServices(undefined);
});

describe('the local clock control', () => {
  it('moves the platform clock ahead by whole days, and says where it stands', async () => {
    setServices(createPorts(process.env));
    const set = await control('POST', '/local/clock', { offsetDays: 340 });
    expect(set).toMatchObject({ answered: true, status: 200, body: { offsetDays: 340 } });
    const now = Date.parse((set.body as { now: string }).now);
    expect(Math.abs(now - (Date.now() + 340 * 86_400_000))).toBeLessThan(5000);
    expect((await control('GET', '/local/clock')).body).toMatchObject({ offsetDays: 340, beijing: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });
  });

  it('refuses a bad offset with a 400 and leaves the clock alone', async () => {
    setServices(createPorts(process.env));
    for (const body of [{ offsetDays: -1 }, { offsetDays: 1.5 }, { offsetDays: '30' }, { offsetDays: 4000 }, 'x'])
      expect((await control('POST', '/local/clock', body)).status).toBe(400);
    expect((await control('GET', '/local/clock')).body).toMatchObject({ offsetDays: 0 });
  });

  it('answers nobody but this machine, and nothing outside /local/', async () => {
    setServices(createPorts(process.env));
    expect((await control('POST', '/local/clock', { offsetDays: 30 }, '192.168.1.20')).status).toBe(404);
    expect(process.env.LOCAL_CLOCK_OFFSET_DAYS ?? '0').toBe('0');
    expect((await control('GET', '/v1/health')).answered).toBe(false);
  });

  it('does not exist in production', async () => {
    setServices(createPorts({ STAGE: 'prod', SESSION_SECRET: 'x'.repeat(32), FACE_VERIFIER: 'wechat', PUBLIC_BASE_URL: 'https://seal.example.gov.cn' }));
    expect((await control('POST', '/local/clock', { offsetDays: 30 })).status).toBe(404);
    expect((await control('POST', '/local/jobs/renewal')).status).toBe(404);
    expect((await control('POST', '/local/jobs/audit-checkpoints')).status).toBe(404);
  });
});
