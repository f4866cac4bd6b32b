import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRegistrySeed } from '../../src/adapters/registry/seed';
import { tour } from './tour';

describe('the tour npm start prints', () => {
  const seed = readRegistrySeed();
  const lines = tour(seed, 'http://localhost:8080');
  const text = lines.join('\n');

  it('names the seeded legal representative of the company with starter seals, the administrator, the holder and the window staff', () => {
    const fresh = seed.companies.find((c) => c.registeredOn === 'this-month')!;
    expect(text).toContain(`法定代表人  ${fresh.legalRep.name}  ${fresh.name}`);
    expect(text).toContain(`印章管理员  ${seed.people.find((p) => p.key === 'admin')!.name}`);
    expect(text).toContain(`印章持有人  ${seed.people.find((p) => p.key === 'holder')!.name}`);
    expect(text).toContain(`http://localhost:8080/web/staff): ${seed.staff[0]!.username}  ${seed.staff[0]!.name}  ${seed.staff[0]!.note}`);
    for (const c of seed.companies.filter((c) => c !== fresh)) expect(text).toContain(c.name);
  });

  it('ends with three things to try, at the addresses of this start', () => {
    expect(lines.slice(-4)[0]).toBe('Try first:');
    expect(lines.slice(-3).map((l) => l.trim().slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(lines.slice(-3).join('\n')).toContain('http://localhost:8080/web/');
  });

  it('tells the same people as the README’s tour', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const fresh = seed.companies.find((c) => c.registeredOn === 'this-month')!;
    for (const name of [
      fresh.legalRep.name,
      fresh.name,
      ...['admin', 'holder'].map((k) => seed.people.find((p) => p.key === k)!.name),
      seed.staff[0]!.username,
    ]) {
      expect(readme).toContain(name);
    }
  });
});
