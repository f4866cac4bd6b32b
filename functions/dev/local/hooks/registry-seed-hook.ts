import { maskIdNumber } from '@seal/shared';
import type { Ports } from '../../../src/ports';
import type { StartupHook } from '../startup-hooks';
import { personIdFor } from '../../../src/domain/identity/person-id';
import { readRegistrySeed, seedCompanies } from '../../../src/adapters/registry/seed';

/**
 * Loads the local registry (companies, test people, window staff) into the table. Create-only, so
 * a restart neither duplicates anything nor undoes a change a registry notification made since.
 */
export async function loadRegistrySeed(services: Ports, file?: string): Promise<void> {
  const { store } = services;
  const now = services.now();
  const seed = readRegistrySeed(file);
  const at = now.toISOString();
  for (const p of seed.people) {
    await store.people.create({ personId: personIdFor(p.idNumber), name: p.name, idNumberMasked: maskIdNumber(p.idNumber), phone: p.phone, sessionEpoch: 0, createdAt: at });
  }
  for (const c of seedCompanies(seed, now)) {
    await store.companies.create({
      companyId: c.creditCode,
      name: c.name,
      type: c.type,
      legalRepName: c.legalRepresentative.name,
      legalRepPersonId: personIdFor(c.legalRepresentative.idNumber),
      registeredOn: c.registeredOn,
      status: c.status,
    });
  }
  for (const s of seed.staff) {
    const personId = `staff_${s.username}`;
    await store.people.create({ personId, name: s.name, idNumberMasked: '-', sessionEpoch: 0, createdAt: at });
    await store.staffAccounts.create({ username: s.username, personId, name: s.name, passwordHash: s.passwordHash });
  }
}

export const registrySeedHook: StartupHook = {
  name: 'local business registry (companies, test people, window staff)',
  run: (services) => (services.config.STAGE === 'prod' ? Promise.resolve() : loadRegistrySeed(services)),
};
