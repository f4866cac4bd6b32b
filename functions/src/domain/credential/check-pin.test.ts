import { DomainError, PIN_LOCK_MS } from '@seal/shared';
import { createTestTable } from '../../../test-support/dynamo';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import type { SealStore } from '../../ports/seal-store';
import { checkPin } from './check-pin';
import { hashPin } from './pin-hash';
import { testTable } from '../../../test-support/table';

let store: SealStore;
let pinHash: string;
beforeAll(async () => {
  ({ store } = await createTestTable());
  pinHash = await hashPin('135790');
});

async function credential(sealId: string, companyId = '914403001922038216') {
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
    expect(pinHash).not.toContain('135790');
    expect(pinHash).toMatch(/^scrypt\$15\$8\$1\$/);
    const who = await credential('seal-ok');
    await expect(checkPin(store, { ...who, pin: '135790', now: new Date() })).resolves.toMatchObject({ state: 'active' });
  });

  it('counts exactly five of twenty concurrent wrong PINs and locks the credential for 30 minutes', async () => {
    const who = await credential('seal-race', '91440300708461136T');
    const now = new Date('2026-06-01T08:00:00Z');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => checkPin(store, { ...who, pin: '000001', now })));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'PIN_INCORRECT')).toHaveLength(4);
    expect(codes.filter((c) => c === 'PIN_LOCKED')).toHaveLength(16);
    const data = await store.credentials.get({ sealId: 'seal-race', credentialId: 'cred-seal-race' }, { consistent: true });
    expect(data).toMatchObject({ state: 'locked', failedAttempts: 5, lockedUntil: new Date(now.getTime() + PIN_LOCK_MS).toISOString() });
    // Even the right PIN is refused while locked.
    await expect(checkPin(store, { ...who, pin: '135790', now })).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    const events = await store.audit.ofCompany('91440300708461136T');
    expect(events.map((e) => e.action)).toEqual(['credential.lock']);
    expect(findFirstBreak(events)).toBeNull();
  });

  it('unlocks by itself once the 30 minutes are over, with a fresh count', async () => {
    const who = await credential('seal-lapse', '91110000802100433B');
    const now = new Date('2026-06-01T08:00:00Z');
    for (let i = 0; i < 5; i++) await checkPin(store, { ...who, pin: '000001', now }).catch(() => undefined);
    const later = new Date(now.getTime() + PIN_LOCK_MS + 1000);
    await expect(checkPin(store, { ...who, pin: '000001', now: later })).rejects.toMatchObject({ code: 'PIN_INCORRECT', message: '签章密码错误，还可尝试4次' });
    await expect(checkPin(store, { ...who, pin: '135790', now: later })).resolves.toMatchObject({ state: 'active' });
    const data = await store.credentials.get({ sealId: 'seal-lapse', credentialId: 'cred-seal-lapse' }, { consistent: true });
    expect(data?.failedAttempts).toBe(0);
  });

  it('resets the run of failures after a right PIN ("five wrong in a row")', async () => {
    const who = await credential('seal-row', '914403001922038216');
    const now = new Date();
    for (let i = 0; i < 4; i++) await checkPin(store, { ...who, pin: '000001', now }).catch(() => undefined);
    await checkPin(store, { ...who, pin: '135790', now });
    await expect(checkPin(store, { ...who, pin: '000001', now })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
  });

  it('tells a person who never claimed the seal apart from one whose credential is gone', async () => {
    await expect(checkPin(store, { sealId: 'seal-none', personId: 'p-holder', pin: '135790', now: new Date() })).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    const who = await credential('seal-old');
    await testTable(store).set('credential', { sealId: 'seal-old', credentialId: 'cred-seal-old' }, { state: 'revoked' });
    await expect(checkPin(store, { ...who, pin: '135790', now: new Date() })).rejects.toMatchObject({ code: 'CREDENTIAL_INACTIVE' });
  });
});
