import { DomainError } from '@seal/shared';
import type { Services } from '../services';
import { ensureStarterSeals } from './starter-seals';
import { importCompanyFromRegistry } from './registry-port';

export type CompanyRecord = NonNullable<Awaited<ReturnType<ReturnType<Services['db']['entities']['company']['get']>['go']>>['data']>;

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
