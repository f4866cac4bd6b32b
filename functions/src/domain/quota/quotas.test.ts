import { randomUUID } from 'node:crypto';
import { documentDto } from '@seal/shared';
import { startTestStack, loginAs, passFaceCheck, seedCompany, seedPerson, type ApiResponse, type TestStack } from '../../../test-support/identity-stack';
import { getServices } from '../../composition';
import { testTable } from '../../../test-support/table';
import { createGrant } from '../grant/create-grant';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { QUOTAS } from '../../config/quotas';

/**
 * Issue #15, finding 4: quotas per person, per company and per address, on the real local stack
 * (DynamoDB Local's conditional writes). Over a quota: 429 RATE_LIMITED, a Chinese message, and
 * Retry-After until the window ends (daily quotas end at 00:00 Beijing time).
 */
let t: TestStack;
const companyId = seedCompany('lr-xinghe').creditCode;
const sealId = `seal-${randomUUID()}`;
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestStack('quotas');
  const now = new Date().toISOString();
  await testTable(getServices().store).put('seal', { sealId, companyId, kind: 'contract', name: '合同专用章', state: 'active', createdAt: now, updatedAt: now });
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => {
  delete process.env.QUOTA_LIMITS;
  t.setNow(undefined);
});

/** Every refusal of a used-up quota looks like this. */
function expectRateLimited(res: ApiResponse & { retryAfter?: string | null }, message: string) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ code: 'RATE_LIMITED', message });
}

/** The API, keeping the Retry-After header. */
async function call(method: string, path: string, options: { token?: string; body?: unknown; raw?: Uint8Array } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = 'application/pdf';
  const res = await fetch(`${t.stack.url}${path}`, {
    method,
    headers,
    body: options.raw ? Buffer.from(options.raw) : options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, retryAfter: res.headers.get('retry-after') };
}

const upload = (token: string, size: number) => call('POST', '/v1/documents', { token, body: { name: '合同.pdf', size } });
const count = (responses: { status: number }[], status: number) => responses.filter((r) => r.status === status).length;

describe('uploads of documents to sign', () => {
  it('holds the daily byte quota of a person under 40 concurrent 50 MB uploads, and a refused request adds nothing', async () => {
    // 孙丽 acts for no company on this stack: only her own quotas apply.
    const holder = await loginAs(t.api, 'holder');
    const answers = await Promise.all(Array.from({ length: 40 }, () => upload(holder, documentDto.MAX_DOCUMENT_BYTES)));
    // 1 GB a day: exactly twenty 50 MB uploads fit.
    expect(count(answers, 201)).toBe(20);
    expect(count(answers, 429)).toBe(20);
    for (const refused of answers.filter((r) => r.status === 429)) {
      expectRateLimited(refused, QUOTAS['upload.bytes.person'].message);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(86_400);
    }
    // What is left is exactly 1 GB − 20 × 50 MB: the 20 refusals counted nothing.
    expect((await upload(holder, 24 * MB)).status).toBe(201);
    expect((await upload(holder, 1)).status).toBe(429);
  });

  it('counts uploads against every company the person acts for, and starts again at 00:00 Beijing time', async () => {
    const { store } = getServices();
    const lr = seedPerson('lr-xinghe');
    await createGrant(store, {
      companyId,
      role: 'seal_holder',
      sealIds: [sealId],
      grantee: seedPerson('holder-2'),
      grantorId: lr.personId,
      as: 'legal_representative',
      now: new Date(),
    });
    process.env.QUOTA_LIMITS = JSON.stringify({ 'upload.count.company': 3 });
    t.setNow(new Date('2026-03-01T23:59:30+08:00'));
    const [zhang, wu, zhou] = [await loginAs(t.api, 'lr-xinghe'), await loginAs(t.api, 'holder-2'), await loginAs(t.api, 'stranger')];
    expect((await upload(zhang, 1000)).status).toBe(201);
    expect((await upload(wu, 1000)).status).toBe(201);
    expect((await upload(zhang, 1000)).status).toBe(201);
    const fourth = await upload(wu, 1000);
    expectRateLimited(fourth, QUOTAS['upload.count.company'].message);
    expect(fourth.retryAfter).toBe('30');
    // Someone of no company of theirs is not held by it.
    expect((await upload(zhou, 1000)).status).toBe(201);
    // The next Beijing day, the company may upload again.
    t.setNow(new Date('2026-03-02T00:00:01+08:00'));
    expect((await upload(wu, 1000)).status).toBe(201);
  });
});

describe('face checks (each a paid WeChat call in production)', () => {
  it('holds the daily face-check quota of a person under 40 concurrent starts', async () => {
    const admin = await loginAs(t.api, 'admin');
    const grant = await createGrant(getServices().store, {
      companyId,
      role: 'seal_administrator',
      sealIds: [sealId],
      grantee: seedPerson('admin'),
      grantorId: seedPerson('lr-xinghe').personId,
      as: 'legal_representative',
      now: new Date(),
    });
    expect(grant.state).toBe('active');
    const start = () => call('POST', '/v1/face-checks', { token: admin, body: { action: 'seal.freeze', target: { companyId, sealIds: [sealId] } } });
    const answers = await Promise.all(Array.from({ length: 40 }, start));
    expect(count(answers, 201)).toBe(QUOTAS['faceCheck.person'].limit);
    expect(count(answers, 429)).toBe(40 - QUOTAS['faceCheck.person'].limit);
    expectRateLimited(answers.find((r) => r.status === 429)!, QUOTAS['faceCheck.person'].message);
    // Only the started checks have tickets: the refused ones never reached the verifier.
    const tickets = answers.filter((r) => r.status === 201).map((r) => r.body.ticketId);
    expect(new Set(tickets).size).toBe(QUOTAS['faceCheck.person'].limit);
  });

  it('holds the company’s face-check quota across its people, and refuses no one before checking they may act', async () => {
    process.env.QUOTA_LIMITS = JSON.stringify({ 'faceCheck.company': 2 });
    t.setNow(new Date('2026-04-01T12:00:00+08:00'));
    const lr = await loginAs(t.api, 'lr-xinghe');
    await passFaceCheck(t.api, lr, 'seal.freeze', { companyId, sealIds: [sealId] });
    await passFaceCheck(t.api, lr, 'seal.unfreeze', { companyId, sealIds: [sealId] });
    const third = await call('POST', '/v1/face-checks', { token: lr, body: { action: 'seal.freeze', target: { companyId, sealIds: [sealId] } } });
    expectRateLimited(third, QUOTAS['faceCheck.company'].message);
    expect(third.retryAfter).toBe(String(12 * 3600));
    // A stranger is refused for who they are, not for the company's quota.
    const stranger = await loginAs(t.api, 'stranger');
    const refused = await call('POST', '/v1/face-checks', { token: stranger, body: { action: 'seal.freeze', target: { companyId, sealIds: [sealId] } } });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
  });

  it('counts login face checks per WeChat account, so naming someone cannot use up their logins', async () => {
    process.env.QUOTA_LIMITS = JSON.stringify({ 'faceCheck.login': 2 });
    const victim = seedPerson('new-lr-xinghe');
    const attacker = (await t.api('POST', '/v1/login/wechat', { body: { code: 'sim:attacker' } })).body;
    const face = (body: object) => call('POST', `/v1/login/${attacker.loginId}/face-checks`, { body: { loginSecret: attacker.loginSecret, ...body } });
    expect((await face({ name: victim.name, idNumber: victim.idNumber })).status).toBe(201);
    expect((await face({})).status).toBe(201);
    expectRateLimited(await face({}), QUOTAS['faceCheck.login'].message);
    // The person named still logs in from their own phone.
    await expect(loginAs(t.api, 'new-lr-xinghe')).resolves.toEqual(expect.any(String));
  });
});

describe('QR challenges and anonymous verification', () => {
  it('holds the daily QR quota of a person', async () => {
    process.env.QUOTA_LIMITS = JSON.stringify({ 'challenge.person': 2 });
    const lr = await loginAs(t.api, 'lr-xinghe');
    const challenge = () => call('POST', '/v1/challenges', { token: lr, body: { purpose: 'ukey_bind', companyId, sealId, details: { ukeySerial: 'UK-0001' } } });
    expect((await challenge()).status).toBe(201);
    expect((await challenge()).status).toBe(201);
    expectRateLimited(await challenge(), QUOTAS['challenge.person'].message);
  });

  it('limits verification by anonymous callers per address, inline and by upload', async () => {
    process.env.QUOTA_LIMITS = JSON.stringify({ 'verify.ip': 2, 'verifyUpload.bytes.ip': 10 * MB });
    t.setNow(new Date('2026-05-01T10:00:45+08:00'));
    const pdf = await samplePdf({ pages: 1 });
    expect((await call('POST', '/v1/verify', { raw: pdf })).status).toBe(422); // not signed: verified, and counted
    expect((await call('POST', '/v1/verify', { raw: pdf })).status).toBe(422);
    const third = await call('POST', '/v1/verify', { raw: pdf });
    expectRateLimited(third, QUOTAS['verify.ip'].message);
    expect(third.retryAfter).toBe('15');

    expect((await call('POST', '/v1/verify/uploads', { body: { size: 6 * MB } })).status).toBe(201);
    const tooMuch = await call('POST', '/v1/verify/uploads', { body: { size: 6 * MB } });
    expectRateLimited(tooMuch, QUOTAS['verifyUpload.bytes.ip'].message);
    // The byte quota refused, so the count quota got its request back: a small file still goes.
    expect((await call('POST', '/v1/verify/uploads', { body: { size: 3 * MB } })).status).toBe(201);
  });
});
