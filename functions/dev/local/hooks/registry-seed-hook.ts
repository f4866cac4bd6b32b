import { maskIdNumber } from '@seal/shared';
import type { Services } from '../../../src/composition';
import type { StartupHook } from '../startup-hooks';
import { personIdFor } from '../../../src/domain/identity/person-id';
import { readRegistrySeed, seedCompanies } from '../../../src/adapters/registry/seed';

function exists(error: unknown): boolean {
  return /conditional/i.test(String(error));
}

async function createOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!exists(error)) throw error;
  }
}

/**
 * Loads the local registry (companies, test people, window staff) into the table. Create-only, so
 * a restart neither duplicates anything nor undoes a change a registry notification made since.
 */
export async function loadRegistrySeed(services: Services, file?: string): Promise<void> {
  const { db } = services;
  const now = services.now();
  const seed = readRegistrySeed(file);
  const at = now.toISOString();
  for (const p of seed.people) {
    await createOnce(() =>
      db.entities.person.create({ personId: personIdFor(p.idNumber), name: p.name, idNumberMasked: maskIdNumber(p.idNumber), phone: p.phone, sessionEpoch: 0, createdAt: at }).go(),
    );
  }
  for (const c of seedCompanies(seed, now)) {
    await createOnce(() =>
      db.entities.company
        .create({
          companyId: c.creditCode,
          name: c.name,
          type: c.type,
          legalRepName: c.legalRepresentative.name,
          legalRepPersonId: personIdFor(c.legalRepresentative.idNumber),
          registeredOn: c.registeredOn,
          status: c.status,
        })
        .go(),
    );
  }
  for (const s of seed.staff) {
    const personId = `staff_${s.username}`;
    await createOnce(() => db.entities.person.create({ personId, name: s.name, idNumberMasked: '-', sessionEpoch: 0, createdAt: at }).go());
    await createOnce(() => db.entities.staffAccount.create({ username: s.username, personId, name: s.name, passwordHash: s.passwordHash }).go());
  }
}

export const registrySeedHook: StartupHook = {
  name: 'local business registry (companies, test people, window staff)',
  run: (services) => (services.config.STAGE === 'prod' ? Promise.resolve() : loadRegistrySeed(services)),
};
