import { DomainError } from '@seal/shared';
import type { EntityItem } from 'electrodb';
import type { Services } from '../../composition';
import type { Company } from '../../adapters/dynamodb/entities/company';
import { ensureStarterSeals } from '../application/starter-seals';
import { importCompanyFromRegistry } from './registry-lookup';

export type CompanyRecord = EntityItem<ReturnType<typeof Company>>;

/**
 * The platform's copy of a company, imported from the registry on first lookup. This is where a
 * newly registered company first appears, so its four starter seals are made here (idempotently).
 */
export async function loadCompany(services: Services, companyId: string): Promise<CompanyRecord> {
  const { db } = services;
  let { data: company } = await db.entities.company.get({ companyId }).go();
  if (!company) company = await importCompanyFromRegistry(services, companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  await ensureStarterSeals(db, company, services.now());
  return company;
}
