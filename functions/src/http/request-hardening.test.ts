import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { bytes, json as jsonResponse, type Json, type Route } from '@seal/shared/api';
import { defineHandler } from './define-handler';
import { API_SECURITY_HEADERS } from './security-headers';
import { issueSessionToken } from '../domain/identity/session-token';
import { LOCAL_SESSION_SECRET } from '../config/config';
import { setServices, getServices } from '../composition';
import { createTestTable } from '../../test-support/dynamo';

// Routes of this test only: the wrapper takes the auth mode and schemas from the route object.
const pageQuery = z.object({ cursor: z.optional(z.string().check(z.maxLength(2048))), state: z._default(z.string(), 'submitted') });
const pageRoute = (path: string, handler: string) =>
  ({ method: 'GET', path, handler, auth: 'session', summary: '', query: pageQuery, response: jsonResponse as Json<{ items: unknown[]; cursor: string }> }) satisfies Route;
/** A list whose store cursor says which page came before, so the test sees what the handler was given. */
const pages = (route: ReturnType<typeof pageRoute>) =>
  defineHandler(route, {
    async run({ query }) {
      return { body: { items: [], cursor: `store:${query.state}:${query.cursor ?? 'first'}` } };
    },
  });
const pagesHandler = pages(pageRoute('/v1/test/pages', 'test-pages'));
const otherPagesHandler = pages(pageRoute('/v1/test/other-pages', 'test-other-pages'));
const jsonRoute = {
  method: 'POST',
  path: '/v1/test/json',
  handler: 'test-json',
  auth: 'public',
  summary: '',
  body: z.object({ name: z.string() }),
  response: jsonResponse as Json<{ hello: string }>,
} satisfies Route;
const jsonHandler = defineHandler(jsonRoute, {
  async run({ body }) {
    return { body: { hello: body.name } };
  },
});
const pngRoute = { method: 'GET', path: '/v1/test/png', handler: 'test-png', auth: 'public', summary: '', response: bytes } satisfies Route;
const pngHandler = defineHandler(pngRoute, {
  async run() {
    return { binary: new Uint8Array([0x89, 0x50]), contentType: 'image/png' };
  },
});
const ipRoute = { method: 'GET', path: '/v1/test/ip', handler: 'test-ip', auth: 'public', summary: '', response: jsonResponse as Json<{ ip?: string }> } satisfies Route;
const ipHandler = defineHandler(ipRoute, {
  async run({ client }) {
    return { body: { ip: client.ip } };
  },
});

const get = (query: Record<string, string>, token: string) =>
  ({ headers: { authorization: `Bearer ${token}` }, queryStringParameters: query, isBase64Encoded: false, requestContext: { requestId: 'r' } }) as unknown as APIGatewayProxyEventV2;
const post = (body: string, contentType?: string) =>
  ({ body, headers: contentType ? { 'content-type': contentType } : {}, isBase64Encoded: false, requestContext: { requestId: 'r' } }) as unknown as APIGatewayProxyEventV2;
const json = (res: APIGatewayProxyStructuredResultV2) => JSON.parse(res.body as string);

let alice: string;
let bob: string;
beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  Object.assign(process.env, { TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'us-east-1' });
  setServices(undefined);
  const now = new Date();
  for (const personId of ['p-alice', 'p-bob']) {
    await getServices().store.people.create({ personId, name: '张三', idNumberMasked: '1101**********002X', sessionEpoch: 0, createdAt: now.toISOString() });
  }
  alice = await issueSessionToken(LOCAL_SESSION_SECRET, { personId: 'p-alice', sessionId: 's1', kind: 'phone', epoch: 0 }, now);
  bob = await issueSessionToken(LOCAL_SESSION_SECRET, { personId: 'p-bob', sessionId: 's2', kind: 'phone', epoch: 0 }, now);
});

describe('pagination cursors', () => {
  it('hands out sealed cursors and takes them back for the next page', async () => {
    const first = json(await pagesHandler(get({}, alice)));
    expect(first.cursor).toMatch(/^c1\./);
    expect(first.cursor).not.toContain('store');
    const second = json(await pagesHandler(get({ cursor: first.cursor }, alice)));
    // The handler was given the store's own cursor back.
    expect(second.cursor).not.toBe(first.cursor);
    const third = await pagesHandler(get({ cursor: second.cursor }, alice));
    expect(third.statusCode).toBe(200);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a forged store cursor', Buffer.from(JSON.stringify({ pk: '$seal#companyid_x', sk: 'x' })).toString('base64')],
    ['a sealed-looking forgery', `c1.${Buffer.alloc(64, 7).toString('base64url')}`],
    ['an empty one', ''],
  ])('answers %s with 400 VALIDATION_FAILED', async (_, cursor) => {
    const res = await pagesHandler(get({ cursor }, alice));
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'VALIDATION_FAILED', message: '分页参数无效，请从第一页重新查询' });
  });

  it('refuses a cursor brought by another person, to another route, for another query, or altered', async () => {
    const { cursor } = json(await pagesHandler(get({ state: 'approved' }, alice)));
    expect((await pagesHandler(get({ cursor, state: 'approved' }, alice))).statusCode).toBe(200);
    expect((await pagesHandler(get({ cursor, state: 'approved' }, bob))).statusCode).toBe(400);
    expect((await otherPagesHandler(get({ cursor, state: 'approved' }, alice))).statusCode).toBe(400);
    expect((await pagesHandler(get({ cursor, state: 'submitted' }, alice))).statusCode).toBe(400);
    const flipped = cursor.slice(0, -2) + (cursor.endsWith('A') ? 'B' : 'A') + cursor.slice(-1);
    expect((await pagesHandler(get({ cursor: flipped, state: 'approved' }, alice))).statusCode).toBe(400);
  });
});

describe('request bodies and response headers', () => {
  it('takes JSON said to be JSON (or said nothing), and answers another content type with 415', async () => {
    expect((await jsonHandler(post('{"name":"张三"}', 'application/json; charset=utf-8'))).statusCode).toBe(200);
    expect((await jsonHandler(post('{"name":"张三"}'))).statusCode).toBe(200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const res = await jsonHandler(post('{"name":"张三"}', type));
      expect({ type, status: res.statusCode, code: json(res).code }).toEqual({ type, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('puts the security headers on every answer: JSON, errors and binary', async () => {
    for (const res of [await jsonHandler(post('{"name":"x"}')), await jsonHandler(post('{', 'application/json')), await pagesHandler(get({}, 'bad-token')), await pngHandler(post(''))]) {
      expect(res.headers).toMatchObject(API_SECURITY_HEADERS);
    }
  });
});

describe('behind CloudFront (an origin secret configured)', () => {
  const secret = 'origin-secret-0123456789abcdef0123456789abcdef';
  const call = (headers: Record<string, string>) =>
    ipHandler({ headers, isBase64Encoded: false, requestContext: { requestId: 'r', http: { sourceIp: '130.176.0.1' } } } as unknown as APIGatewayProxyEventV2);
  beforeAll(() => {
    process.env.ORIGIN_VERIFY_SECRET = secret;
    setServices(undefined);
  });
  afterAll(() => {
    delete process.env.ORIGIN_VERIFY_SECRET;
    setServices(undefined);
  });

  it('refuses a request that came to the API’s own URL, around the firewall', async () => {
    for (const headers of [{}, { 'x-origin-verify': 'guess' }, { 'x-origin-verify': `${secret}x` }] as Record<string, string>[]) {
      const res = await call(headers);
      expect({ status: res.statusCode, code: json(res).code }).toEqual({ status: 403, code: 'NOT_AUTHORIZED' });
    }
  });

  it('takes the viewer’s address from CloudFront, not the connection’s (CloudFront’s own)', async () => {
    expect(json(await call({ 'x-origin-verify': secret, 'cloudfront-viewer-address': '203.0.113.7:46532' }))).toEqual({ ip: '203.0.113.7' });
    expect(json(await call({ 'x-origin-verify': secret, 'cloudfront-viewer-address': '2001:db8::1:443' }))).toEqual({ ip: '2001:db8::1' });
  });
});
