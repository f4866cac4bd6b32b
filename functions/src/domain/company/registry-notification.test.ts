import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@seal/shared';
import { startTestStack, loginAs, seedCompany, seedPerson, type TestStack } from '../../../test-support/identity-stack';
import { getServices } from '../../composition';
import { createGrant } from '../grant/create-grant';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import { LOCAL_REGISTRY_HMAC_KEY } from '../identity/identity-config';
import { notificationHeaders } from './notification-signature';
import { LocalBusinessRegistry } from '../../../test-support/registry';
import { testTable } from '../../../test-support/table';
import { chainedTrail } from '../../../test-support/audit-trail';

let t: TestStack;
const company = seedCompany('lr-huamei');
const sealIds = [`seal-${randomUUID()}`, `seal-${randomUUID()}`];

beforeAll(async () => {
  t = await startTestStack();
  const now = new Date().toISOString();
  const store = getServices().store;
  for (const sealId of sealIds)
    await testTable(store).put('seal', { sealId, companyId: company.creditCode, kind: 'contract', name: 'x', state: 'active', createdAt: now, updatedAt: now });
  await createGrant(store, {
    companyId: company.creditCode,
    role: 'seal_holder',
    sealIds,
    grantee: seedPerson('holder'),
    grantorId: seedPerson('lr-huamei').personId,
    as: 'legal_representative',
    now: new Date(),
  });
}, 120_000);
afterAll(async () => {
  LocalBusinessRegistry.forgetChanges();
  await t?.stop();
});

function send(body: object, opts: { key?: string; at?: Date; tamper?: boolean } = {}) {
  const raw = JSON.stringify(body);
  const headers = notificationHeaders(opts.key ?? LOCAL_REGISTRY_HMAC_KEY, raw, opts.at ?? new Date());
  return t.api('POST', '/v1/registry/notifications', { headers, rawBody: opts.tamper ? raw.replace('郑洁', '张三') : raw });
}

const newRep = seedPerson('new-lr-xinghe');
const change = (notificationId = `n-${randomUUID()}`) => ({
  notificationId,
  creditCode: company.creditCode,
  occurredAt: new Date().toISOString(),
  changes: [{ kind: 'legal_representative', name: newRep.name, idNumber: newRep.idNumber }],
});

describe('registry change notifications', () => {
  it('refuses a wrong signature, a tampered body and a stale timestamp, changing nothing', async () => {
    expect((await send(change(), { key: 'another-key-another-key-another-key!' })).status).toBe(401);
    expect((await send(change(), { tamper: true })).body.code).toBe('REQUEST_SIGNATURE_INVALID');
    expect((await send(change(), { at: new Date(Date.now() - 6 * 60_000) })).status).toBe(401);
    expect((await t.api('POST', '/v1/registry/notifications', { body: change() })).status).toBe(401);
    const data = await getServices().store.companies.get(company.creditCode);
    expect(data?.legalRepName).toBe('陈静');
  });

  it('stores a new legal representative, ends grants, revokes seals, and refuses a replay', async () => {
    LocalBusinessRegistry.recordChange(company.creditCode, { legalRepresentative: { name: newRep.name, idNumber: newRep.idNumber } });
    const n = change();
    const res = await send(n);
    expect(res.status).toBe(200);
    expect(res.body.causes).toEqual(['legal_representative_changed']);
    const store = getServices().store;
    expect((await store.companies.get(company.creditCode))).toMatchObject({
      legalRepName: '郑洁',
      legalRepPersonId: newRep.personId,
    });
    const seals = (await store.seals.ofCompany(company.creditCode));
    expect(seals.map((s) => s.state)).toEqual(['revoked', 'revoked']);
    const grants = (await store.grants.ofCompany(company.creditCode));
    expect(grants.map((g) => g.state)).toEqual(['cancelled']);
    const audit = (await chainedTrail(store, company.creditCode));
    expect(findFirstBreak(audit)).toBeNull();

    const replay = await send(n);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('REQUEST_REPLAYED');

    // The new legal representative is known at once and may act for the company.
    const token = await loginAs(t.api, 'new-lr-xinghe');
    const me = await t.api('GET', '/v1/me', { token });
    expect(me.body.companies.map((c: { companyId: string }) => c.companyId)).toContain(company.creditCode);
    expect(
      await getServices().registry.isLegalRepresentative(company.creditCode, { name: newRep.name, idNumber: newRep.idNumber }),
    ).toBe(true);
  });

  it('tells the people who lost seals or grants why: the old and new legal representatives and the holder', async () => {
    for (const key of ['holder', 'lr-huamei', 'new-lr-xinghe']) {
      const token = await loginAs(t.api, key);
      const items = (await t.api('GET', '/v1/notifications', { token })).body.items.filter(
        (m: { kind: string; companyId?: string }) => m.kind === 'seals_revoked' && m.companyId === company.creditCode,
      );
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ title: '印章已注销', target: 'seals' });
      expect(items[0].body).toContain('法定代表人');
      expect(items[0].body).toContain('重新申请');
    }
    // Someone unconcerned hears nothing.
    const stranger = await loginAs(t.api, 'stranger');
    const theirs = (await t.api('GET', '/v1/notifications', { token: stranger })).body.items;
    expect(theirs.filter((m: { companyId?: string }) => m.companyId === company.creditCode)).toEqual([]);
  });

  it('refuses a notification about an unknown company without remembering its id (the retry is no replay)', async () => {
    const n = { ...change(), creditCode: `91440300MA5YYYYY1${creditCodeCheckChar('91440300MA5YYYYY1')}` };
    expect((await send(n)).body.code).toBe('COMPANY_NOT_FOUND');
    expect((await send(n)).body.code).toBe('COMPANY_NOT_FOUND');
  });
});
