import { isValidCreditCode, isValidIdNumber } from '@seal/shared';
import { readRegistrySeed, seedCompanies } from './seed';
import { verifyPassword } from '../../domain/identity/password';

describe('the local registry seed', () => {
  const seed = readRegistrySeed();
  const now = new Date('2026-11-24T08:00:00Z');

  it('has only valid credit codes and ID numbers', () => {
    for (const c of seed.companies) expect(isValidCreditCode(c.creditCode)).toBe(true);
    for (const p of seed.people) expect(isValidIdNumber(p.idNumber)).toBe(true);
  });

  it('has a company registered this month, a partnership with several executive partners and a foreign-invested company', () => {
    const companies = seedCompanies(seed, now);
    expect(companies.some((c) => c.registeredOn.startsWith('2026-11'))).toBe(true);
    expect(companies.some((c) => c.type === 'partnership' && (c.executivePartners ?? 0) > 1)).toBe(true);
    expect(companies.some((c) => c.type === 'foreign_invested')).toBe(true);
  });

  it('names every legal representative among the test people, plus an administrator, holders and a stranger', () => {
    const ids = new Set(seed.people.map((p) => p.idNumber));
    for (const c of seed.companies) expect(ids.has(c.legalRep.idNumber)).toBe(true);
    expect(seed.people.map((p) => p.key)).toEqual(expect.arrayContaining(['admin', 'holder', 'stranger']));
  });

  it('stores staff passwords as scrypt hashes that verify', async () => {
    expect(await verifyPassword('Window#2026a', seed.staff[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', seed.staff[0]!.passwordHash)).toBe(false);
  });
});
