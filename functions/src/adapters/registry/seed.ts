import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { COMPANY_TYPES, fields } from '@seal/shared';
import type { RegistryCompany } from '../../ports/business-registry';

/** The local registry's data file (`functions/seed/registry.json`), validated on load. */
const SeedSchema = z.object({
  companies: z.array(
    z.object({
      creditCode: fields.creditCode,
      name: z.string(),
      nameEn: z.optional(z.string()),
      type: z.enum(COMPANY_TYPES),
      legalRep: z.object({ key: z.string(), name: z.string(), idNumber: fields.idNumber }),
      /** YYYY-MM-DD, or `this-month`: the first day of the current month (a newly registered company). */
      registeredOn: z.union([z.literal('this-month'), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))]),
      status: z.enum(['active', 'closed']),
      executivePartners: z.optional(z.number().check(z.int(), z.gte(1))),
    }),
  ),
  people: z.array(z.object({ key: z.string(), name: z.string(), idNumber: fields.idNumber, phone: fields.phone, note: z.string() })),
  staff: z.array(z.object({ username: z.string(), name: z.string(), passwordHash: z.string().check(z.startsWith('scrypt$')), note: z.string() })),
});
export type RegistrySeed = z.infer<typeof SeedSchema>;

export const SEED_FILE = path.resolve(__dirname, '../../../seed/registry.json');

let cached: RegistrySeed | undefined;
export function readRegistrySeed(file: string = SEED_FILE): RegistrySeed {
  if (file === SEED_FILE && cached) return cached;
  const seed = SeedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (file === SEED_FILE) cached = seed;
  return seed;
}

export function seedCompanies(seed: RegistrySeed, now: Date): RegistryCompany[] {
  const thisMonth = `${now.toISOString().slice(0, 7)}-01`;
  return seed.companies.map((c) => ({
    creditCode: c.creditCode,
    name: c.name,
    nameEn: c.nameEn,
    type: c.type,
    legalRepresentative: { name: c.legalRep.name, idNumber: c.legalRep.idNumber },
    registeredOn: c.registeredOn === 'this-month' ? thisMonth : c.registeredOn,
    status: c.status,
    executivePartners: c.executivePartners,
  }));
}
