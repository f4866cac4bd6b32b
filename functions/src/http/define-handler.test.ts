import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { DomainError, fields } from '@seal/shared';
import { defineHandler } from './define-handler';
import { issueSessionToken } from '../domain/identity/session-token';
import { LOCAL_SESSION_SECRET } from '../config/config';
import { setServices, getServices } from '../composition';
import { createTestTable } from '../../test-support/dynamo';
import { logger } from '../config/logger';

jest.mock('@seal/shared', () => {
  const actual = jest.requireActual('@seal/shared');
  // Two routes of this test only, so the wrapper can look up their auth modes.
  const extra = [
    { method: 'POST', path: '/v1/test/pin', handler: 'test-pin', auth: 'public', summary: '' },
    { method: 'GET', path: '/v1/test/me', handler: 'test-me', auth: 'session', summary: '' },
    { method: 'POST', path: '/v1/test/code', handler: 'test-code', auth: 'public', summary: '' },
  ];
  return { ...actual, ROUTES: [...actual.ROUTES, ...extra] };
});

function event(body: unknown, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return { body: JSON.stringify(body), headers, isBase64Encoded: false, requestContext: { requestId: 'r1' } } as unknown as APIGatewayProxyEventV2;
}

const pinHandler = defineHandler({
  name: 'test-pin',
  body: z.object({ pin: fields.pin, idNumber: fields.idNumber }),
  async run({ body }) {
    if (body.pin === '000000') throw new DomainError('PIN_INCORRECT');
    return { body: { ok: true } };
  },
});

/** A field with no Chinese message of its own. */
const codeHandler = defineHandler({
  name: 'test-code',
  body: z.object({ code: z.string().check(z.minLength(4)) }),
  async run({ body }) {
    return { body: { code: body.code } };
  },
});

const meHandler = defineHandler({
  name: 'test-me',
  async run(ctx) {
    return { body: { personId: ctx.personId(), actor: await ctx.actor() } };
  },
});

let logged: string[] = [];
beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.AWS_REGION = 'us-east-1';
  setServices(undefined);
  await getServices().store.people.create({ personId: 'p-1', name: '张三', idNumberMasked: '1101**********002X', sessionEpoch: 0, createdAt: new Date().toISOString() });
});
beforeEach(() => {
  logged = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (logged.push(String(chunk)), true));
  jest.spyOn(console, 'info').mockImplementation((...a) => void logged.push(a.join(' ')));
  jest.spyOn(console, 'error').mockImplementation((...a) => void logged.push(a.join(' ')));
  logger.setLogLevel('INFO');
});
afterEach(() => jest.restoreAllMocks());

describe('the handler wrapper', () => {
  it('answers bad input with 400 VALIDATION_FAILED and the Chinese message of the failing field', async () => {
    const res = await pinHandler(event({ pin: '12', idNumber: '11010519491231002X' }));
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body as string);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', message: '签章密码须为6位数字' });
    expect(body.details[0]).toMatchObject({ path: 'pin' });
  });

  it('maps a domain error to its status, stable code and Chinese message', async () => {
    const res = await pinHandler(event({ pin: '000000', idNumber: '11010519491231002X' }));
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body as string)).toEqual({ code: 'PIN_INCORRECT', message: '签章密码错误' });
  });

  it("answers a check without a message of its own in Chinese (zod's zh-CN text), not a bare 'Invalid input'", async () => {
    const res = await codeHandler(event({ code: 'ab' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body as string)).toMatchObject({ code: 'VALIDATION_FAILED', message: '数值过小：期望 string >=4 字符' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await pinHandler({ ...event({}), body: '{nope' });
    expect(res.statusCode).toBe(400);
  });

  it('never writes a PIN, an ID number or a token into the logs', async () => {
    const token = await issueSessionToken(LOCAL_SESSION_SECRET, { personId: 'p-1', sessionId: 's', kind: 'phone', epoch: 0 }, new Date());
    await pinHandler(event({ pin: '135790', idNumber: '11010519491231002X' }, { authorization: `Bearer ${token}` }));
    await meHandler(event({}, { authorization: `Bearer ${token}` }));
    const all = logged.join('\n');
    expect(all).toContain('"handler":"test-pin"');
    expect(all).not.toContain('135790');
    expect(all).not.toContain('11010519491231002X');
    expect(all).not.toContain(token);
  });

  it('lets a valid session through and refuses a missing, forged or logged-out one', async () => {
    const now = new Date();
    const token = await issueSessionToken(LOCAL_SESSION_SECRET, { personId: 'p-1', sessionId: 's', kind: 'phone', epoch: 0 }, now);
    const ok = await meHandler(event({}, { authorization: `Bearer ${token}` }));
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body as string).personId).toBe('p-1');

    expect((await meHandler(event({}))).statusCode).toBe(401);
    const forged = await issueSessionToken('another-secret-another-secret-another-secret', { personId: 'p-1', sessionId: 's', kind: 'phone', epoch: 0 }, now);
    expect(JSON.parse((await meHandler(event({}, { authorization: `Bearer ${forged}` }))).body as string).code).toBe('UNAUTHENTICATED');

    await getServices().store.people.endSessions('p-1');
    const after = await meHandler(event({}, { authorization: `Bearer ${token}` }));
    expect(after.statusCode).toBe(401);
    expect(JSON.parse(after.body as string).code).toBe('SESSION_EXPIRED');
  });

  it('refuses an expired session token', async () => {
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const token = await issueSessionToken(LOCAL_SESSION_SECRET, { personId: 'p-1', sessionId: 's', kind: 'phone', epoch: 1 }, longAgo);
    const res = await meHandler(event({}, { authorization: `Bearer ${token}` }));
    expect(JSON.parse(res.body as string).code).toBe('SESSION_EXPIRED');
  });
});
