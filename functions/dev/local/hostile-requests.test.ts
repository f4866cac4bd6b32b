import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROUTES, type Route } from '@seal/shared/api';
import { startLocalStack, type LocalStack } from './stack';
import { PlatformClient } from '../demo/platform-client';
import { readRegistrySeed } from '../../src/adapters/registry/seed';
import { documentDto, idNumberCheckChar } from '@seal/shared';
import { QUOTAS } from '../../src/config/quotas';

/**
 * Issue #15: every bad request is a 4xx. A catalogue of hostile requests — broken escapes, huge and
 * malformed credentials, garbage and forged cursors, garbage JSON, wrong types, wrong content types,
 * oversized bodies — sent to every route of the route table on the real local stack, anonymously and
 * with a real session (so validation past the login is reached too). Any 5xx fails, naming each probe.
 * Beside it, the other hostile requests of issue #15 as an attacker sends them to `npm start`: an
 * over-large inline verification, a grant squatting someone's ID number, and a rush of uploads and
 * paid face checks that the quotas stop with 429.
 */

interface Probe {
  what: string;
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Declared Content-Length larger than what is sent: the server must answer before reading it all. */
  claimedLength?: number;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let stack: LocalStack;
let dataDir: string;
let api: PlatformClient;
let phone: string;
let staff: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-hostile-'));
  const app = path.join(dataDir, 'app');
  mkdirSync(path.join(app, 'web'), { recursive: true });
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>H5</title>');
  writeFileSync(path.join(app, 'web', 'index.html'), '<!doctype html><title>Web</title>');
  stack = await startLocalStack({
    port: 0,
    dataDir,
    inMemoryDb: true,
    staticRoots: [
      { prefix: '/web/', dir: path.join(app, 'web') },
      { prefix: '/', dir: app },
    ],
  });
  api = new PlatformClient(stack.url);
  const person = readRegistrySeed().people[0]!;
  phone = await api.login({ key: person.key, name: person.name, idNumber: person.idNumber });
  staff = (await api.expect(201, '窗口登录', 'POST', '/v1/staff/sessions', { body: { username: 'window01', password: 'Window#2026a' } })).token;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function send(probe: Probe): Promise<Answer> {
  const url = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const body = probe.body === undefined ? undefined : Buffer.isBuffer(probe.body) ? probe.body : Buffer.from(probe.body, 'latin1');
    const headers = { ...(body || probe.claimedLength ? { 'content-length': String(probe.claimedLength ?? body!.length) } : {}), ...probe.headers };
    // As a browser would: characters Node refuses in a request line go percent-encoded, the rest as given.
    const target = probe.path.replace(/[^\u0021-\u00ff]/g, (c) => encodeURIComponent(c));
    const req = request({ host: url.hostname, port: url.port, method: probe.method, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server that answers before reading the whole body may close the connection under us.
    req.on('error', (error) => (probe.claimedLength ? resolve({ status: 0, headers: {}, body: String(error) }) : reject(error)));
    if (body) req.write(body);
    if (probe.claimedLength) return; // never finish: the answer must come anyway
    req.end();
  });
}

/** Runs the probes a few at a time; returns each with its answer. */
async function sendAll(probes: Probe[], parallel = 6): Promise<{ probe: Probe; answer: Answer }[]> {
  const results: { probe: Probe; answer: Answer }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        results.push({ probe, answer: await send(probe) });
      }
    }),
  );
  return results;
}

const describeProbe = ({ probe, answer }: { probe: Probe; answer: Answer }) => `${probe.method} ${probe.path.slice(0, 120)} [${probe.what}] → ${answer.status} ${answer.body.slice(0, 160)}`;

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
/** A JWT whose signature is no signature ("alg": "none"). */
const unsignedJwt = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"p-1","kind":"phone","epoch":0}').toString('base64url')}.`;

const BAD_SEGMENTS = ['%E0%A4%A', '%', '%zz', '%00', '%C0%AF', '%FF%FE', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3000), '印章', "'\"<script>", '%2e%2e'];
const BAD_AUTHORIZATIONS: [string, string][] = [
  ['garbage bearer', 'Bearer garbage'],
  ['3,000-char bearer', `Bearer ${'a'.repeat(3000)}`],
  ['3,000-char Basic credential', basic(`${'c'.repeat(2240)}:secret`)],
  ['Basic not base64', 'Basic !!!***'],
  ['Basic without colon', basic('client-without-secret')],
  ['Basic empty parts', basic(':')],
  ['unsigned JWT (alg none)', `Bearer ${unsignedJwt}`],
  ['three dots', 'Bearer a.b.c'],
  ['latin-1 bytes', 'Bearer \u00ff\u00fe\u00e9'],
  ['unknown scheme', 'Digest username="x"'],
];
const BAD_QUERIES = [
  'cursor=garbage',
  `cursor=${Buffer.from(JSON.stringify({ pk: '$seal#applicantid_x', sk: '$application_1#createdat_2026' })).toString('base64')}`,
  `cursor=c1.${Buffer.alloc(80, 1).toString('base64url')}`,
  'cursor=%E0%A4%A',
  'cursor=a&cursor=b',
  'limit=-1',
  'limit=abc',
  'limit=99999999999999999999999',
  'state=nonsense',
  `q=${'x'.repeat(6000)}`,
];
const WRONG_TYPES = JSON.stringify({
  name: 1, idNumber: [], pin: {}, pinConfirm: null, sealIds: 'x', sealId: 5, companyId: 5, creditCode: [1], target: 'x', action: 7,
  placements: 'x', faceTicket: 1, loginSecret: [], code: {}, passed: 'yes', reason: 12, kind: {}, size: '1', sha256: 9, state: [], phone: 13800000000,
});
const BAD_BODIES: [string, string | Buffer, string][] = [
  ['truncated JSON', '{"name":', 'application/json'],
  ['JSON array', '[]', 'application/json'],
  ['JSON string', '"x"', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['JSON number out of range', '1e999', 'application/json'],
  ['every field the wrong type', WRONG_TYPES, 'application/json'],
  ['prototype pollution', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}', 'application/json'],
  ['10,000-deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'application/json'],
  ['a 1 MB string', JSON.stringify({ name: 'x'.repeat(1024 * 1024), reason: 'y'.repeat(1024 * 1024) }), 'application/json'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
  ['JSON sent as text/plain', '{"name":"x"}', 'text/plain'],
  ['XML', '<?xml version="1.0"?><a/>', 'application/xml'],
  ['form-encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['binary garbage as PDF', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'application/pdf'],
  ['a PDF header and nothing else', '%PDF-1.7\n%%EOF', 'application/pdf'],
  ['empty JSON body', '', 'application/json'],
];

/** A concrete path for a route, each `{param}` replaced. */
const concrete = (route: Route, value = 'not-a-real-id-0001') => route.path.replace(/\{[^}]+\}/g, value);
const tokenFor = (route: Route) => (route.auth === 'staff' ? staff : phone);

function catalogue(route: Route): Probe[] {
  const probes: Probe[] = [];
  const base = concrete(route);
  const loggedIn: Record<string, string> = route.auth === 'session' || route.auth === 'staff' ? { authorization: `Bearer ${tokenFor(route)}` } : {};
  const hasParams = route.path.includes('{');
  for (const [what, authorization] of BAD_AUTHORIZATIONS) probes.push({ what, method: route.method, path: base, headers: { authorization } });
  probes.push({ what: 'two Authorization headers', method: route.method, path: base, headers: { authorization: [`Bearer ${tokenFor(route)}`, 'Bearer other'] } });
  probes.push({ what: 'registry signature garbage', method: route.method, path: base, headers: { 'x-registry-timestamp': '1e400', 'x-registry-signature': 'zz' } });
  for (const segment of BAD_SEGMENTS) {
    if (hasParams) probes.push({ what: `path parameter ${segment.slice(0, 20)}`, method: route.method, path: concrete(route, segment), headers: loggedIn });
    probes.push({ what: `escape ${segment.slice(0, 20)} after the path`, method: route.method, path: `${base}/${segment}`, headers: loggedIn });
  }
  for (const query of BAD_QUERIES) probes.push({ what: `query ${query.slice(0, 30)}`, method: route.method, path: `${base}?${query}`, headers: loggedIn });
  if (route.method !== 'GET') {
    for (const [what, body, type] of BAD_BODIES) probes.push({ what, method: route.method, path: base, headers: { ...loggedIn, 'content-type': type }, body });
    probes.push({ what: 'a body declared as 11 MB', method: route.method, path: base, headers: { ...loggedIn, 'content-type': 'application/json' }, body: '{', claimedLength: 11 * 1024 * 1024 });
  }
  probes.push({ what: 'a 12 KB header', method: route.method, path: base, headers: { ...loggedIn, 'x-padding': 'p'.repeat(12 * 1024) } });
  return probes;
}

// The catalogue over every route runs last: it logs the test sessions out.
describe('hostile requests to every route of the route table', () => {
  it('answers a 3,000-character Basic credential on GET /v1/integration/seals with 401', async () => {
    const answer = await send({ what: '', method: 'GET', path: '/v1/integration/seals', headers: { authorization: basic(`${'c'.repeat(2240)}:secret`) } });
    expect({ status: answer.status, code: JSON.parse(answer.body).code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers broken percent-escapes in API and static paths with 400', async () => {
    for (const p of ['/v1/seals/%E0%A4%A/credential', '/v1/applications/%E0%A4%A', '/%E0%A4%A', '/web/%E0%A4%A', '/web/assets/%zz.js']) {
      const answer = await send({ what: '', method: 'GET', path: p, headers: { authorization: `Bearer ${phone}` } });
      expect({ path: p, status: answer.status, code: JSON.parse(answer.body).code }).toEqual({ path: p, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('never serves a file outside the apps, whatever the path says', async () => {
    for (const p of ['/web/..%2F..%2Fpackage.json', '/web/%2e%2e/%2e%2e/package.json', '/..%2Fpackage.json', '//etc/passwd', '/web/../../package.json']) {
      const answer = await send({ what: '', method: 'GET', path: p });
      expect(answer.body).not.toContain('"name"');
      expect(answer.body).not.toContain('root:');
    }
  });

  it('answers garbage and forged cursors on both application lists with 400', async () => {
    for (const [route, token] of [['/v1/staff/applications', staff], ['/v1/applications/mine', phone]] as const) {
      for (const cursor of ['garbage', Buffer.from('{"pk":"x","sk":"y"}').toString('base64'), `c1.${Buffer.alloc(60).toString('base64url')}`]) {
        const answer = await send({ what: '', method: 'GET', path: `${route}?cursor=${encodeURIComponent(cursor)}`, headers: { authorization: `Bearer ${token}` } });
        expect({ route, cursor, status: answer.status, code: JSON.parse(answer.body).code }).toEqual({ route, cursor, status: 400, code: 'VALIDATION_FAILED' });
      }
    }
  });

  it('refuses bodies over API Gateway’s 10 MB, and over Lambda’s 6 MB event, with 413 BODY_TOO_LARGE before any handler', async () => {
    const elevenMb = Buffer.alloc(11 * 1024 * 1024, 0x20);
    const json = await send({ what: '', method: 'POST', path: '/v1/applications', headers: { authorization: `Bearer ${phone}`, 'content-type': 'application/json' }, body: elevenMb });
    expect({ status: json.status, code: JSON.parse(json.body).code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
    // 5 MB of PDF is 6.7 MB once base64-encoded into the Lambda event.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024, 0x30)]);
    const verify = await send({ what: '', method: 'POST', path: '/v1/verify', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect({ status: verify.status, code: JSON.parse(verify.body).code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('bounds inline verification at MAX_INLINE_VERIFY_BYTES: 4 MB reaches the verifier, one byte more is 413 DOCUMENT_TOO_LARGE', async () => {
    const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x30)]);
    const verify = (body: Buffer) => send({ what: '', method: 'POST', path: '/v1/verify', headers: { 'content-type': 'application/pdf' }, body });
    const atLimit = await verify(pdfOf(documentDto.MAX_INLINE_VERIFY_BYTES));
    expect(atLimit.status).toBe(422); // read and found not to be a PDF: past every size check
    const over = await verify(pdfOf(documentDto.MAX_INLINE_VERIFY_BYTES + 1));
    expect({ status: over.status, body: JSON.parse(over.body) }).toEqual({
      status: 413,
      body: { code: 'DOCUMENT_TOO_LARGE', message: '文件超过4MB，请使用大文件上传验证' },
    });
  });

  it('answers a grant squatting someone’s ID number exactly like one naming an unknown ID number, and the victim still logs in', async () => {
    const seed = readRegistrySeed();
    const grantor = seed.people.find((p) => p.key === 'lr-xinchuang')!; // newly registered: has starter seals
    const victim = seed.people.find((p) => p.key === 'holder')!;
    const companyId = seed.companies.find((c) => c.registeredOn === 'this-month')!.creditCode;
    const lr = await api.login({ key: grantor.key, name: grantor.name, idNumber: grantor.idNumber });
    await api.login({ key: victim.key, name: victim.name, idNumber: victim.idNumber }); // a verified user
    const sealId = (await api.expect(200, '印章列表', 'GET', `/v1/companies/${companyId}/seals`, { token: lr })).seals[0].sealId as string;
    const grant = async (idNumber: string) => {
      const faceTicket = await api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [sealId] });
      const res = await api.call('POST', `/v1/companies/${companyId}/grants`, {
        token: lr,
        body: { role: 'seal_holder', sealIds: [sealId], grantee: { name: '冒用姓名', idNumber, phone: '13800000000' }, faceTicket },
      });
      const { grantId: _g, granteeId: _p, createdAt: _c, ...rest } = res.body;
      return { status: res.status, rest };
    };
    const unknownId = '44030419900101777' + idNumberCheckChar('44030419900101777');
    const squat = await grant(victim.idNumber);
    expect(squat.status).toBe(201);
    expect(squat).toEqual(await grant(unknownId));
    const token = await api.login({ key: victim.key, name: victim.name, idNumber: victim.idNumber });
    const me = await api.expect(200, '我的', 'GET', '/v1/me', { token });
    expect({ name: me.person.name, grants: me.grants }).toEqual({ name: victim.name, grants: [] });
  });

  it('answers 40 concurrent 50 MB upload declarations and 40 concurrent face-check starts of one person with 201 up to the quota, then 429', async () => {
    const companyId = readRegistrySeed().companies[0]!.creditCode; // 张伟 is its legal representative
    await api.expect(200, '印章列表', 'GET', `/v1/companies/${companyId}/seals`, { token: phone }); // the platform's copy of it
    const rush = (body: object, path: string) =>
      Promise.all(Array.from({ length: 40 }, () => send({ what: '', method: 'POST', path, headers: { authorization: `Bearer ${phone}`, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) })));
    const tally = (answers: Answer[]) => answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
    const refusals = (answers: Answer[]) => [...new Set(answers.filter((a) => a.status === 429).map((a) => `${a.body} retry-after=${Number(a.headers['retry-after']) > 0}`))];

    const uploads = await rush({ name: '合同.pdf', size: documentDto.MAX_DOCUMENT_BYTES }, '/v1/documents');
    expect(tally(uploads)).toEqual({ 201: 20, 429: 20 }); // 1 GB a day per person
    expect(refusals(uploads)).toEqual([`{"code":"RATE_LIMITED","message":"${QUOTAS['upload.bytes.person'].message}"} retry-after=true`]);

    const faceChecks = await rush({ action: 'seal.apply_online', target: { companyId } }, '/v1/face-checks');
    expect(tally(faceChecks)).toEqual({ 201: QUOTAS['faceCheck.person'].limit, 429: 40 - QUOTAS['faceCheck.person'].limit });
    expect(refusals(faceChecks)).toEqual([`{"code":"RATE_LIMITED","message":"${QUOTAS['faceCheck.person'].message}"} retry-after=true`]);
  });

  it('never get a 5xx; API refusals are JSON with a stable code and the security headers', async () => {
    // Logging out ends the session the other probes use: those routes go after all the others.
    const loggingOut = (r: Route) => r.path.includes('logout');
    const results = [...(await sendAll(ROUTES.filter((r) => !loggingOut(r)).flatMap(catalogue))), ...(await sendAll(ROUTES.filter(loggingOut).flatMap(catalogue)))];
    const serverErrors = results.filter(({ answer }) => answer.status >= 500 || answer.status === 0);
    expect(serverErrors.map(describeProbe)).toEqual([]);
    // Node answers 431 (headers over API Gateway's 10,240 bytes) itself, before any code of ours.
    const refusals = results.filter(({ answer }) => answer.status >= 400 && answer.status !== 431);
    const withoutCode = refusals.filter(({ answer }) => !/^\{"code":"[A-Z_]+"/.test(answer.body));
    expect(withoutCode.map(describeProbe)).toEqual([]);
    const withoutHeaders = refusals.filter(({ answer }) => answer.headers['x-content-type-options'] !== 'nosniff');
    expect(withoutHeaders.map(describeProbe)).toEqual([]);
    expect(results.length).toBeGreaterThan(ROUTES.length * 40);
    // The logged-in probes got past authentication to validation, not just a 401 at the door.
    const validated = results.filter(({ probe, answer }) => probe.headers?.authorization?.toString().includes(phone) && /VALIDATION_FAILED|UNSUPPORTED_MEDIA_TYPE/.test(answer.body));
    expect(validated.length).toBeGreaterThan(ROUTES.length * 5);
  }, 600_000);
});
