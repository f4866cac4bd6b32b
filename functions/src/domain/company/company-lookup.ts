import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { CompanyRecord as StoredCompany } from '../../ports/seal-store';
import { ensureStarterSeals } from '../application/starter-seals';
import { importCompanyFromRegistry } from './registry-lookup';

export type CompanyRecord = StoredCompany;

/**
 * The platform's copy of a company, imported from the registry on first lookup. This is where a
 * newly registered company first appears, so its four starter seals are made here (idempotently).
 */
export async function loadCompany(services: Ports, companyId: string): Promise<CompanyRecord> {
  const { store } = services;
  let company = await store.companies.get(companyId);
  if (!company) company = await importCompanyFromRegistry(services, companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  await ensureStarterSeals(store, company, services.now());
  return company;
}
