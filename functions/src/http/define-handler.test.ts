import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { DomainError } from '@seal/shared/errors';
import { bytes, fields, json, type Json, type Route } from '@seal/shared/api';
import { defineHandler } from './define-handler';
import { issueSessionToken } from '../domain/identity/session-token';
import { LOCAL_SESSION_SECRET } from '../config/config';
import { setServices, getServices } from '../composition';
import { createTestTable } from '../../test-support/dynamo';
import { logger } from '../config/logger';

// Routes of this test only: the wrapper takes everything (auth mode, schemas) from the route object.
const pinRoute = {
  method: 'POST',
  path: '/v1/test/pin',
  handler: 'test-pin',
  auth: 'public',
  summary: '',
  body: z.object({ pin: fields.pin, idNumber: fields.idNumber }),
  response: json as Json<{ ok: boolean }>,
} satisfies Route;
/** A field with no Chinese message of its own. */
const codeRoute = {
  method: 'POST',
  path: '/v1/test/code',
  handler: 'test-code',
  auth: 'public',
  summary: '',
  body: z.object({ code: z.string().check(z.minLength(4)) }),
  response: json as Json<{ code: string }>,
} satisfies Route;
const meRoute = { method: 'GET', path: '/v1/test/me', handler: 'test-me', auth: 'session', summary: '', response: json as Json<unknown> } satisfies Route;
const fileRoute = {
  method: 'GET',
  path: '/v1/test/file/{name}',
  handler: 'test-file',
  auth: 'public',
  summary: '',
  params: z.object({ name: fields.id }),
  query: z.object({ size: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(8)), 2) }),
  response: bytes,
} satisfies Route;

function event(body: unknown, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return { body: JSON.stringify(body), headers, isBase64Encoded: false, requestContext: { requestId: 'r1' } } as unknown as APIGatewayProxyEventV2;
}

const pinHandler = defineHandler(pinRoute, {
  async run({ body }) {
    if (body.pin === '000000') throw new DomainError('PIN_INCORRECT');
    return { body: { ok: true } };
  },
});

const codeHandler = defineHandler(codeRoute, {
  async run({ body }) {
    return { body: { code: body.code } };
  },
});

const meHandler = defineHandler(meRoute, {
  async run(ctx) {
    return { body: { personId: ctx.personId(), actor: await ctx.actor() } };
  },
});

const fileHandler = defineHandler(fileRoute, {
  async run({ params, query }) {
    return { binary: new TextEncoder().encode(params.name.repeat(query.size)), contentType: 'text/plain' };
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

  it("validates path parameters and the query with the route's schemas, defaults applied, and sends bytes base64-encoded", async () => {
    const res = await fileHandler({ ...event({}), pathParameters: { name: 'ab' }, queryStringParameters: { size: '3' } });
    expect({ status: res.statusCode, type: res.headers?.['content-type'], base64: res.isBase64Encoded }).toEqual({ status: 200, type: 'text/plain', base64: true });
    expect(Buffer.from(res.body as string, 'base64').toString()).toBe('ababab');
    const byDefault = await fileHandler({ ...event({}), pathParameters: { name: 'ab' } });
    expect(Buffer.from(byDefault.body as string, 'base64').toString()).toBe('abab');
    const bad = await fileHandler({ ...event({}), pathParameters: { name: 'a/b' }, queryStringParameters: { size: '9' } });
    expect({ status: bad.statusCode, code: JSON.parse(bad.body as string).code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('remembers its route, so the wiring can be checked', () => {
    expect(pinHandler.route).toBe(pinRoute);
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
