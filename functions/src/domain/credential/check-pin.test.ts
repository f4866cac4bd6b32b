import { DomainError, PIN_LOCK_MS } from '@seal/shared';
import { createTestTable } from '../../../test-support/dynamo';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import type { SealStore } from '../../ports/seal-store';
import type { PinKeys } from '../../ports/pin-keys';
import { checkPin } from './check-pin';
import { pinMatches, sealPin } from './pin-hash';
import { testTable } from '../../../test-support/table';
import { legacyScryptPinHash, startTestPinKeys, type TestPinKeys } from '../../../test-support/pin-keys';
import { chainedTrail } from '../../../test-support/audit-trail';

let store: SealStore;
let keys: TestPinKeys;
let services: { store: SealStore; pinKeys: PinKeys };
beforeAll(async () => {
  ({ store } = await createTestTable());
  keys = await startTestPinKeys();
  services = { store, pinKeys: keys.pinKeys };
});
afterAll(() => keys?.stop());

const stored = (sealId: string) => store.credentials.get({ sealId, credentialId: `cred-${sealId}` }, { consistent: true });

/** A holder's credential on `sealId` whose PIN is 135790, stored as now (KMS MAC) or as before decision 0140 (scrypt). */
async function credential(sealId: string, companyId = '914403001922038216', form: 'mac' | 'scrypt' = 'mac') {
  const pinHash = form === 'mac' ? await sealPin(keys.pinKeys, `cred-${sealId}`, '135790') : legacyScryptPinHash('135790');
  await testTable(store).put('credential', {
      sealId,
      credentialId: `cred-${sealId}`,
      companyId,
      personId: 'p-holder',
      state: 'active',
      custody: 'kms-envelope',
      keyRef: 'wrapped',
      publicKey: 'spki',
      certificate: 'der',
      serial: 'aa',
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2027-01-01T00:00:00.000Z',
      pinHash,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  return { sealId, personId: 'p-holder' };
}

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'OK');

describe('checkPin', () => {
  it('never stores the PIN in clear and accepts the right one', async () => {
    const who = await credential('seal-ok');
    const { pinHash } = (await stored('seal-ok'))!;
    expect(pinHash).not.toContain('135790');
    expect(pinHash).toMatch(/^kms-hmac\$v1\$[A-Za-z0-9+/]{43}=$/);
    await expect(checkPin(services, { ...who, pin: '135790', now: new Date() })).resolves.toMatchObject({ state: 'active' });
    await expect(checkPin(services, { ...who, pin: '１３５７９０', now: new Date() })).resolves.toMatchObject({ state: 'active' });
  });

  it('keeps nothing a copied table could check a PIN against without the KMS key', async () => {
    await credential('seal-copied');
    const record = (await stored('seal-copied'))!;
    // No salt and no slow hash to search offline: only a MAC under a key that never leaves KMS.
    expect(record.pinHash.split('$')).toHaveLength(3);
    expect(record.pinHash).not.toMatch(/scrypt/);
    expect(JSON.stringify(record)).not.toMatch(/salt|scrypt|135790/i);
    // With every other HMAC key (here one on the same KMS), no PIN verifies, not even the right one.
    for (const pin of ['135790', '000000', '123456']) {
      expect((await pinMatches(keys.otherKey, record.credentialId, pin, record.pinHash)).matches).toBe(false);
    }
    expect((await pinMatches(keys.pinKeys, record.credentialId, '135790', record.pinHash)).matches).toBe(true);
    // Copied onto another credential, the record does not carry the PIN along: the MAC names its credential.
    expect((await pinMatches(keys.pinKeys, 'cred-other', '135790', record.pinHash)).matches).toBe(false);
  });

  it('replaces a PIN stored as scrypt by its KMS MAC the first time it is typed right, and not on a wrong one', async () => {
    const who = await credential('seal-legacy', '914403001922038216', 'scrypt');
    const before = (await stored('seal-legacy'))!;
    await expect(checkPin(services, { ...who, pin: '000001', now: new Date() })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
    expect((await stored('seal-legacy'))!.pinHash).toBe(before.pinHash);

    await expect(checkPin(services, { ...who, pin: '135790', now: new Date() })).resolves.toMatchObject({ state: 'active' });
    const after = (await stored('seal-legacy'))!;
    expect(after.pinHash).toMatch(/^kms-hmac\$v1\$/);
    expect(after).toMatchObject({ version: before.version, failedAttempts: 0 });
    await expect(checkPin(services, { ...who, pin: '135790', now: new Date() })).resolves.toMatchObject({ state: 'active' });
    await expect(checkPin(services, { ...who, pin: '000001', now: new Date() })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
  });

  it('leaves a PIN changed meanwhile alone (the migration is conditional on the value it checked)', async () => {
    await credential('seal-changed', '914403001922038216', 'scrypt');
    const legacy = (await stored('seal-changed'))!.pinHash;
    const changed = await sealPin(keys.pinKeys, 'cred-seal-changed', '246800');
    await testTable(store).set('credential', { sealId: 'seal-changed', credentialId: 'cred-seal-changed' }, { pinHash: changed });
    expect(await store.credentials.replacePinHash({ sealId: 'seal-changed', credentialId: 'cred-seal-changed' }, legacy, 'kms-hmac$v1$stale')).toBe(false);
    expect((await stored('seal-changed'))!.pinHash).toBe(changed);
  });

  it('counts exactly five of twenty concurrent wrong PINs and locks the credential for 30 minutes', async () => {
    const who = await credential('seal-race', '91440300708461136T');
    const now = new Date('2026-06-01T08:00:00Z');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => checkPin(services, { ...who, pin: '000001', now })));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'PIN_INCORRECT')).toHaveLength(4);
    expect(codes.filter((c) => c === 'PIN_LOCKED')).toHaveLength(16);
    const data = await store.credentials.get({ sealId: 'seal-race', credentialId: 'cred-seal-race' }, { consistent: true });
    expect(data).toMatchObject({ state: 'locked', failedAttempts: 5, lockedUntil: new Date(now.getTime() + PIN_LOCK_MS).toISOString() });
    // Even the right PIN is refused while locked.
    await expect(checkPin(services, { ...who, pin: '135790', now })).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    const events = await chainedTrail(store, '91440300708461136T');
    expect(events.map((e) => e.action)).toEqual(['credential.lock']);
    expect(findFirstBreak(events)).toBeNull();
  });

  it('unlocks by itself once the 30 minutes are over, with a fresh count', async () => {
    const who = await credential('seal-lapse', '91110000802100433B');
    const now = new Date('2026-06-01T08:00:00Z');
    for (let i = 0; i < 5; i++) await checkPin(services, { ...who, pin: '000001', now }).catch(() => undefined);
    const later = new Date(now.getTime() + PIN_LOCK_MS + 1000);
    await expect(checkPin(services, { ...who, pin: '000001', now: later })).rejects.toMatchObject({ code: 'PIN_INCORRECT', message: '签章密码错误，还可尝试4次' });
    await expect(checkPin(services, { ...who, pin: '135790', now: later })).resolves.toMatchObject({ state: 'active' });
    const data = await store.credentials.get({ sealId: 'seal-lapse', credentialId: 'cred-seal-lapse' }, { consistent: true });
    expect(data?.failedAttempts).toBe(0);
  });

  it('resets the run of failures after a right PIN ("five wrong in a row")', async () => {
    const who = await credential('seal-row', '914403001922038216');
    const now = new Date();
    for (let i = 0; i < 4; i++) await checkPin(services, { ...who, pin: '000001', now }).catch(() => undefined);
    await checkPin(services, { ...who, pin: '135790', now });
    await expect(checkPin(services, { ...who, pin: '000001', now })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
  });

  it('tells a person who never claimed the seal apart from one whose credential is gone', async () => {
    await expect(checkPin(services, { sealId: 'seal-none', personId: 'p-holder', pin: '135790', now: new Date() })).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    const who = await credential('seal-old');
    await testTable(store).set('credential', { sealId: 'seal-old', credentialId: 'cred-seal-old' }, { state: 'revoked' });
    await expect(checkPin(services, { ...who, pin: '135790', now: new Date() })).rejects.toMatchObject({ code: 'CREDENTIAL_INACTIVE' });
  });
});
