import { randomUUID } from 'node:crypto';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { getServices } from '../../composition';
import { buildWorld, startMatrixStack, type MatrixWorld } from '../../../test-support/matrix-harness';
import { loginAs, seedCompany, seedPerson, type TestStack } from '../../../test-support/identity-stack';
import { LOCAL_REGISTRY_HMAC_KEY } from '../../domain/identity/identity-config';
import { notificationHeaders } from '../../domain/company/notification-signature';
import { LocalBusinessRegistry } from '../../adapters/registry/local-registry';
import { kmsClientFromEnv } from '../../adapters/aws-kms/client';
import { testTable } from '../../../test-support/table';
import { chainedTrail } from '../../../test-support/audit-trail';

/**
 * Handlers that must hand their domain functions everything they need: the registry notification
 * retires kms-asymmetric keys, the company seal list makes a new company's starter seals, and the
 * applicant can withdraw. On kms-asymmetric custody, so credential keys are real KMS keys.
 */
let t: TestStack;
let w: MatrixWorld;
const saved = process.env.KEY_CUSTODY;
beforeAll(async () => {
  process.env.KEY_CUSTODY = 'kms-asymmetric';
  t = await startMatrixStack();
  w = await buildWorld(t, { spares: 4 });
}, 120_000);
afterAll(async () => {
  LocalBusinessRegistry.forgetChanges();
  await t?.stop();
  if (saved === undefined) delete process.env.KEY_CUSTODY;
  else process.env.KEY_CUSTODY = saved;
});

const keyState = async (keyId: string) => (await kmsClientFromEnv().send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState;

describe('the registry notification handler', () => {
  it('schedules the KMS keys of the credentials a licence change revoked for deletion', async () => {
    const newcomer = seedCompany('lr-laojie');
    const lr = seedPerson('lr-laojie');
    const store = getServices().store;
    const sealId = `seal-${randomUUID()}`;
    const now = new Date().toISOString();
    await testTable(store).put('seal', {
        sealId,
        companyId: newcomer.creditCode,
        kind: 'company_name',
        name: '企业名称章',
        state: 'pending_claim',
        createdAt: now,
        updatedAt: now,
      });
    const token = await loginAs(t.api, 'lr-laojie');
    const faceTicket = await w.mintFaceTicket(lr.personId, 'seal.claim', `seals:${sealId}`);
    const claim = await t.api('POST', `/v1/seals/${sealId}/claim`, { token, body: { faceTicket, pin: '135790', pinConfirm: '135790' } });
    expect(claim.body.credential).toMatchObject({ custody: 'kms-asymmetric' });
    const [credential] = (await store.credentials.ofSeal(sealId));
    expect(await keyState(credential!.keyRef)).toBe('Enabled');

    const raw = JSON.stringify({
      notificationId: `n-${randomUUID()}`,
      creditCode: newcomer.creditCode,
      occurredAt: new Date().toISOString(),
      changes: [{ kind: 'closure' }],
    });
    const res = await t.api('POST', '/v1/registry/notifications', {
      headers: notificationHeaders(LOCAL_REGISTRY_HMAC_KEY, raw, new Date()),
      rawBody: raw,
    });
    expect(res.body).toMatchObject({ causes: ['company_closed'] });

    const after = (await store.credentials.ofSeal(sealId))[0]!;
    expect(after.state).toBe('revoked');
    expect(await keyState(after.keyRef)).toBe('PendingDeletion');
  });
});

describe('the company seal list', () => {
  it('gives a newly registered company its four starter seals on its first look-up', async () => {
    const fresh = seedCompany('lr-xinchuang');
    const store = getServices().store;
    // As if the stack had never seen the company (the local stack's start-up hook imports it).
    const seals = await store.seals.ofCompany(fresh.creditCode);
    for (const s of seals) await testTable(store).remove('seal', { sealId: s.sealId });
    await testTable(store).remove('company', { companyId: fresh.creditCode });

    const token = await loginAs(t.api, 'lr-xinchuang');
    const res = await t.api('GET', `/v1/companies/${fresh.creditCode}/seals`, { token });
    expect(res.status).toBe(200);
    expect(res.body.roles).toContain('legal_representative');
    expect(res.body.seals.map((s: { kind: string; state: string }) => `${s.kind}:${s.state}`).sort()).toEqual([
      'company_name:pending_claim',
      'contract:pending_claim',
      'finance:pending_claim',
      'legal_representative_name:pending_claim',
    ]);
    // Idempotent: the next look-up makes nothing more.
    expect((await t.api('GET', `/v1/companies/${fresh.creditCode}/seals`, { token })).body.seals).toHaveLength(4);
  });
});

describe('withdrawing a window application', () => {
  const form = (sealId: string) => ({
    kind: 'freeze',
    company: { creditCode: w.companyId, name: seedCompany('lr-xinghe').name },
    sealIds: [sealId],
    reason: '临时冻结',
  });
  const submit = async () => {
    const res = await t.api('POST', '/v1/applications', { token: w.tokens.legal_representative, body: form(await w.spareSeal()) });
    expect(res.status).toBe(201);
    return res.body as { applicationId: string; version: number };
  };
  const withdraw = (id: string, token = w.tokens.legal_representative, body: object = {}) =>
    t.api('POST', `/v1/applications/${id}/withdraw`, { token, body });

  it('lets the applicant withdraw before the window decides, once', async () => {
    const app = await submit();
    const res = await withdraw(app.applicationId);
    expect(res.body).toMatchObject({
      applicationId: app.applicationId,
      state: 'withdrawn',
      stateLabel: '已撤回',
      version: app.version + 1,
    });
    expect((await withdraw(app.applicationId)).body.code).toBe('APPLICATION_DECIDED');
    expect((await chainedTrail(w.store, w.companyId)).at(-1)).toMatchObject({ action: 'application.withdraw', subject: `application:${app.applicationId}` });
    // Staff can no longer approve it.
    const staff = await t.api('POST', `/v1/staff/applications/${app.applicationId}/approve`, { token: w.tokens.window_staff, body: {} });
    expect(staff.body.code).toBe('APPLICATION_DECIDED');
  });

  it('is refused to anyone but the applicant, and after the window approved', async () => {
    const app = await submit();
    const byAdmin = await withdraw(app.applicationId, w.tokens.seal_administrator);
    expect({ status: byAdmin.status, code: byAdmin.body.code }).toEqual({ status: 404, code: 'APPLICATION_NOT_FOUND' });
    expect((await t.api('POST', `/v1/applications/${app.applicationId}/withdraw`, { body: {} })).status).toBe(401);
    expect((await withdraw(app.applicationId, w.tokens.window_staff)).status).toBe(403);
    expect((await withdraw(app.applicationId, w.tokens.legal_representative, { expectedVersion: app.version + 5 })).body.code).toBe(
      'CONFLICT',
    );
    const approved = await t.api('POST', `/v1/staff/applications/${app.applicationId}/approve`, { token: w.tokens.window_staff, body: {} });
    expect(approved.body.state).toBe('approved');
    expect((await withdraw(app.applicationId)).body.code).toBe('APPLICATION_DECIDED');
  });

  it('loses cleanly to an approval under way (the review lease)', async () => {
    const app = await submit();
    await testTable(w.store).set('application', { applicationId: app.applicationId }, { reviewingBy: 'staff_window01', reviewUntil: new Date(Date.now() + 60_000).toISOString(), version: app.version + 1 });
    const res = await withdraw(app.applicationId);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect((await w.store.applications.get(app.applicationId))?.state).toBe('submitted');
  });
});
