import { randomUUID } from 'node:crypto';
import { authorize } from '@seal/shared';
import { startTestStack, loginAs, passFaceCheck, seedCompany, seedPerson, type TestStack } from '../../../test-support/identity-stack';
import { getServices } from '../../composition';
import { loadActor } from '../identity/load-actor';
import { createGrant } from './create-grant';
import { cancelGrant } from './cancel-grant';
import { testTable } from '../../../test-support/table';
import { chainedTrail } from '../../../test-support/audit-trail';

let t: TestStack;
const companyId = seedCompany('lr-xinghe').creditCode;
const [contractSeal, financeSeal] = [`seal-${randomUUID()}`, `seal-${randomUUID()}`];
const person = (key: string) => {
  const p = seedPerson(key);
  return { name: p.name, idNumber: p.idNumber, phone: p.phone };
};

beforeAll(async () => {
  t = await startTestStack();
  const now = new Date().toISOString();
  for (const [sealId, kind] of [
    [contractSeal, 'contract'],
    [financeSeal, 'finance'],
  ] as const) {
    await testTable(getServices().store).put('seal', { sealId, companyId, kind, name: kind, state: 'active', createdAt: now, updatedAt: now });
  }
}, 120_000);
afterAll(() => t?.stop());

async function authorizeOnline(token: string, role: 'seal_administrator' | 'seal_holder', sealIds: string[], key: string) {
  const action = role === 'seal_administrator' ? 'grant.authorize_administrator' : 'grant.authorize_holder';
  const faceTicket = await passFaceCheck(t.api, token, action, { companyId, sealIds });
  return t.api('POST', `/v1/companies/${companyId}/grants`, { token, body: { role, sealIds, grantee: person(key), faceTicket } });
}

describe('online authorization and cancellation', () => {
  it('lets the legal representative authorize an administrator, who authorizes a holder, who then sees the seal', async () => {
    const lr = await loginAs(t.api, 'lr-xinghe');
    const adminGrant = await authorizeOnline(lr, 'seal_administrator', [contractSeal, financeSeal], 'admin');
    expect(adminGrant.status).toBe(201);
    const admin = await loginAs(t.api, 'admin');
    const holderGrant = await authorizeOnline(admin, 'seal_holder', [contractSeal], 'holder');
    expect(holderGrant.status).toBe(201);

    const holder = await loginAs(t.api, 'holder');
    const seals = await t.api('GET', `/v1/companies/${companyId}/seals`, { token: holder });
    expect(seals.status).toBe(200);
    expect(seals.body.seals.map((s: { sealId: string }) => s.sealId)).toEqual([contractSeal]);
    // A holder may claim and sign, not freeze: the UI gets only the events the matrix allows.
    expect(seals.body.seals[0].actions.map((a: { event: string }) => a.event)).toEqual(['claim']);

    const me = await t.api('GET', '/v1/me', { token: holder });
    expect(me.body.grants).toEqual([
      expect.objectContaining({ companyName: '深圳市前海星河科技有限公司', role: 'seal_holder', sealIds: [contractSeal] }),
    ]);

    const lrView = await t.api('GET', '/v1/grants', { token: lr });
    expect(lrView.body.managed.map((g: { granteeName: string }) => g.granteeName).sort()).toEqual(['孙丽', '赵敏']);
    const adminView = await t.api('GET', '/v1/grants', { token: admin });
    expect(adminView.body.managed.map((g: { granteeName: string }) => g.granteeName)).toEqual(['孙丽']);
    expect(adminView.body.held.map((g: { role: string }) => g.role)).toEqual(['seal_administrator']);
  });

  it('stops the grantee at once when the grant is cancelled', async () => {
    const lr = await loginAs(t.api, 'lr-xinghe');
    const created = await authorizeOnline(lr, 'seal_holder', [financeSeal], 'holder-2');
    const holder = await loginAs(t.api, 'holder-2');
    expect((await t.api('GET', `/v1/companies/${companyId}/seals`, { token: holder })).status).toBe(200);
    const before = await loadActor(getServices().store, seedPerson('holder-2').personId);
    expect(authorize(before, 'seal.sign', { companyId, sealIds: [financeSeal] }).allowed).toBe(true);

    const cancel = await t.api('POST', `/v1/companies/${companyId}/grants/${created.body.grantId}/cancel`, { token: lr });
    expect(cancel.status).toBe(200);
    expect(cancel.body.state).toBe('cancelled');

    // The very next request with the same session is refused, and the signing gate says no.
    const after = await t.api('GET', `/v1/companies/${companyId}/seals`, { token: holder });
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('NOT_AUTHORIZED');
    const claim = await t.api('POST', '/v1/face-checks', {
      token: holder,
      body: { action: 'seal.claim', target: { companyId, sealIds: [financeSeal] } },
    });
    expect(claim.status).toBe(403);
    const actor = await loadActor(getServices().store, seedPerson('holder-2').personId);
    expect(authorize(actor, 'seal.sign', { companyId, sealIds: [financeSeal] }).allowed).toBe(false);

    const twice = await t.api('POST', `/v1/companies/${companyId}/grants/${created.body.grantId}/cancel`, { token: lr });
    expect(twice.status).toBe(409);
  });

  it('refuses a grant on a seal of another company', async () => {
    const lr = await loginAs(t.api, 'lr-xinghe');
    const other = `seal-${randomUUID()}`;
    const now = new Date().toISOString();
    await testTable(getServices().store).put('seal', {
        sealId: other,
        companyId: seedCompany('lr-huamei').creditCode,
        kind: 'contract',
        name: 'x',
        state: 'active',
        createdAt: now,
        updatedAt: now,
      });
    const res = await t.api('POST', `/v1/companies/${companyId}/grants`, {
      token: lr,
      body: { role: 'seal_holder', sealIds: [other], grantee: person('holder'), faceTicket: 'ft_xxxxxxxxxxxxxxxxxxxxxxxx' },
    });
    // A seal of another company is, to this legal representative, one they may not act on (no 404: issue #15).
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_AUTHORIZED');
  });

  it('spends the face ticket only once the grant can be made: a refused grant leaves it for the next try', async () => {
    const lr = await loginAs(t.api, 'lr-xinghe');
    const faceTicket = await passFaceCheck(t.api, lr, 'grant.authorize_holder', { companyId, sealIds: [contractSeal] });
    const body = { role: 'seal_holder', sealIds: [contractSeal], faceTicket };
    const toSelf = await t.api('POST', `/v1/companies/${companyId}/grants`, { token: lr, body: { ...body, grantee: person('lr-xinghe') } });
    expect([toSelf.status, toSelf.body.message]).toEqual([400, '法定代表人无需授权']);
    const granted = await t.api('POST', `/v1/companies/${companyId}/grants`, { token: lr, body: { ...body, grantee: person('stranger') } });
    expect(granted.status).toBe(201);
    const again = await t.api('POST', `/v1/companies/${companyId}/grants`, { token: lr, body: { ...body, grantee: person('stranger') } });
    expect([again.status, again.body.code]).toEqual([403, 'FACE_TICKET_INVALID']);
    await t.api('POST', `/v1/companies/${companyId}/grants/${granted.body.grantId}/cancel`, { token: lr });
  });
});

describe('window authorization (domain functions for window staff)', () => {
  it('creates and cancels a grant as window_staff, with audit events', async () => {
    const store = getServices().store;
    const grant = await createGrant(store, {
      companyId,
      role: 'seal_holder',
      sealIds: [contractSeal],
      grantee: person('stranger'),
      grantorId: 'staff_window01',
      as: 'window_staff',
      now: new Date(),
    });
    expect(grant.state).toBe('active');
    const cancelled = await cancelGrant(store, {
      companyId,
      grantId: grant.grantId,
      actorId: 'staff_window01',
      as: 'window_staff',
      now: new Date(),
    });
    expect(cancelled.state).toBe('cancelled');
    const audit = await chainedTrail(store, companyId);
    expect(audit.filter((e) => e.subject === `grant:${grant.grantId}`).map((e) => `${e.actorRole}:${e.action}`)).toEqual([
      'window_staff:grant.authorize_holder',
      'window_staff:grant.cancel_holder',
    ]);
  });

  it('refuses a role the grant machine does not allow', async () => {
    const store = getServices().store;
    const grant = await createGrant(store, {
      companyId,
      role: 'seal_holder',
      sealIds: [contractSeal],
      grantee: person('stranger'),
      grantorId: 'x',
      as: 'legal_representative',
      now: new Date(),
    });
    await expect(
      cancelGrant(store, { companyId, grantId: grant.grantId, actorId: 'h', as: 'seal_holder', now: new Date() }),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});
