import { randomUUID } from 'node:crypto';
import { idNumberCheckChar, maskIdNumber } from '@seal/shared';
import { startTestStack, loginAs, passFaceCheck, seedCompany, seedPerson, type Api, type TestStack } from '../../../test-support/identity-stack';
import { getServices } from '../../composition';
import { testTable } from '../../../test-support/table';
import { personIdFor } from '../identity/person-id';
import { createGrant } from './create-grant';

/**
 * Issue #15, finding 1 (identity squatting), on the real local stack: a grant names its grantee
 * but binds nothing about who they are. Only the person's own face check writes their name↔ID
 * binding, and a grant becomes theirs only under the name that check verified.
 */
let t: TestStack;
const companyId = seedCompany('lr-xinghe').creditCode;
const sealId = `seal-${randomUUID()}`;
let lr: string;

beforeAll(async () => {
  t = await startTestStack('squatting');
  const now = new Date().toISOString();
  await testTable(getServices().store).put('seal', { sealId, companyId, kind: 'contract', name: '合同专用章', state: 'active', createdAt: now, updatedAt: now });
  lr = await loginAs(t.api, 'lr-xinghe');
}, 120_000);
afterAll(() => t?.stop());

let serial = 100;
/** A valid ID number nobody on the platform has (born 1990-01-01 in 福田). */
function freshIdNumber(): string {
  const first17 = `44030419900101${String(serial++).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

async function grant(grantee: { name: string; idNumber: string }) {
  const faceTicket = await passFaceCheck(t.api, lr, 'grant.authorize_holder', { companyId, sealIds: [sealId] });
  return t.api('POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [sealId], grantee: { ...grantee, phone: '13800000000' }, faceTicket },
  });
}

/** Phone login as the person behind a new WeChat account: name and ID number typed, face check passed. */
async function firstLogin(api: Api, person: { name: string; idNumber: string }) {
  const start = await api('POST', '/v1/login/wechat', { body: { code: `sim:wx-${randomUUID().slice(0, 8)}` } });
  const { loginId, loginSecret } = start.body;
  const face = await api('POST', `/v1/login/${loginId}/face-checks`, { body: { loginSecret, ...person } });
  await api('POST', `/v1/login/${loginId}/face-checks/${face.body.ticketId}/result`, { body: { loginSecret, passed: true } });
  return api('POST', `/v1/login/${loginId}/session`, { body: { loginSecret, faceTicket: face.body.ticketId } });
}

/** What a grant answer tells the grantor, without what differs by nature (new ids, times, the name and ID number typed). */
function shapeOf(res: { status: number; body: Record<string, unknown> }) {
  const { grantId, granteeId, granteeName, createdAt, ...rest } = res.body;
  return { status: res.status, rest, keys: Object.keys(res.body).sort(), types: [grantId, granteeId, granteeName, createdAt].map((v) => typeof v) };
}

describe('a grant cannot squat an identity', () => {
  it('answers a grant naming a known person under another name exactly as one naming an unknown ID number (no oracle)', async () => {
    const known = seedPerson('holder');
    const other = seedPerson('admin');
    // 孙丽 and 赵敏 are verified users of the platform.
    await loginAs(t.api, 'holder');
    await loginAs(t.api, 'admin');
    const squat = await grant({ name: '冒用姓名', idNumber: known.idNumber });
    const unknown = await grant({ name: '冒用姓名', idNumber: freshIdNumber() });
    const rightName = await grant({ name: other.name, idNumber: other.idNumber });
    expect(squat.status).toBe(201);
    expect(shapeOf(squat)).toEqual(shapeOf(unknown));
    expect(shapeOf(squat)).toEqual(shapeOf(rightName));
    expect(squat.body).toMatchObject({ granteeName: '冒用姓名', state: 'active' });
    // The victim's record is untouched, and the grant made under another name is not theirs.
    const person = await getServices().store.people.get(known.personId);
    expect(person?.name).toBe('孙丽');
    const holder = await loginAs(t.api, 'holder');
    expect((await t.api('GET', '/v1/me', { token: holder })).body.grants).toEqual([]);
    expect((await t.api('GET', `/v1/companies/${companyId}/seals`, { token: holder })).status).toBe(403);
  });

  it('leaves the person whose ID number was typed able to log in under their own name, and gives the grant nothing of theirs', async () => {
    const victim = seedPerson('holder-2'); // 吴芳, never logged in on this stack
    expect((await grant({ name: '冒用姓名', idNumber: victim.idNumber })).status).toBe(201);

    const session = await firstLogin(t.api, { name: victim.name, idNumber: victim.idNumber });
    expect(session.status).toBe(201);
    expect(session.body.person).toEqual({ personId: victim.personId, name: '吴芳', idNumberMasked: maskIdNumber(victim.idNumber) });
    const token = session.body.token;
    const me = await t.api('GET', '/v1/me', { token });
    expect(me.body.person.name).toBe('吴芳');
    expect(me.body.grants).toEqual([]);
    // Nothing the grant named can be done by the victim either: it waits for a person of that name.
    const claim = await t.api('POST', '/v1/face-checks', { token, body: { action: 'seal.claim', target: { companyId, sealIds: [sealId] } } });
    expect([claim.status, claim.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
    // The grantor still sees what they granted, as they granted it.
    const managed = (await t.api('GET', '/v1/grants', { token: lr })).body.managed as { granteeName: string; granteeId: string }[];
    expect(managed.filter((g) => g.granteeId === victim.personId).map((g) => g.granteeName)).toEqual(['冒用姓名']);
  });

  it('makes a grant the grantee’s once their own face check verifies the name it gives, before or after it was made', async () => {
    const before = { name: '林晓', idNumber: freshIdNumber() };
    expect((await grant(before)).status).toBe(201);
    const first = await firstLogin(t.api, before);
    expect(first.status).toBe(201);
    const me = await t.api('GET', '/v1/me', { token: first.body.token });
    expect(me.body.grants).toEqual([expect.objectContaining({ companyId, role: 'seal_holder', sealIds: [sealId] })]);
    expect((await t.api('GET', `/v1/companies/${companyId}/seals`, { token: first.body.token })).status).toBe(200);

    // Full-width spaces or a different middle dot are the same name to a reader.
    const after = { name: '阿依·买买提', idNumber: freshIdNumber() };
    const second = await firstLogin(t.api, after);
    expect((await grant({ ...after, name: ' 阿依•买买提 ' })).status).toBe(201);
    expect((await t.api('GET', '/v1/me', { token: second.body.token })).body.grants).toHaveLength(1);
  });

  it('lets a person whose record someone else wrote recover at their own login; grants under the wrong name stay not theirs', async () => {
    // As the platform did before: a grant created the person under the name the grantor typed.
    const real = { name: '黄磊', idNumber: freshIdNumber() };
    const personId = personIdFor(real.idNumber);
    const { store } = getServices();
    const at = new Date().toISOString();
    await store.people.create({ personId, name: '错误姓名', idNumberMasked: maskIdNumber(real.idNumber), phone: '13800000000', createdAt: at });
    await createGrant(store, {
      companyId,
      role: 'seal_holder',
      sealIds: [sealId],
      grantee: { name: '错误姓名', idNumber: real.idNumber },
      grantorId: seedPerson('lr-xinghe').personId,
      as: 'legal_representative',
      now: new Date(),
    });

    // Before the fix this login was refused for ever (400 姓名与身份证号码不符).
    const session = await firstLogin(t.api, real);
    expect(session.status).toBe(201);
    expect(session.body.person.name).toBe('黄磊');
    const stored = await store.people.get(personId);
    expect(stored).toMatchObject({ name: '黄磊', nameVerifiedAt: expect.any(String) });
    expect((await t.api('GET', '/v1/me', { token: session.body.token })).body.grants).toEqual([]);

    // A grant under the name the face check verified is theirs.
    expect((await grant(real)).status).toBe(201);
    expect((await t.api('GET', '/v1/me', { token: session.body.token })).body.grants).toHaveLength(1);
  });
});
