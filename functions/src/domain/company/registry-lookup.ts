import { DomainError, type CompanyType } from '@seal/shared';
import type { Ports } from '../../ports';
import { personIdFor } from '../identity/person-id';
import type { CompanyRecord } from './company-lookup';

/** What the electronic business licence check (电子营业执照验证) learns from the registry. */
export interface LicenceFacts {
  type: CompanyType;
  status: 'active' | 'closed';
  /** The registry names this person as the company's legal representative. */
  isLegalRepresentative: boolean;
  /** 执行事务合伙人 of a partnership (1 when not a partnership). */
  executivePartners: number;
}

/**
 * The first lookup of a company the platform has no copy of: read the registry (the identity
 * area's `BusinessRegistry` port) and keep a copy. Create-only: a concurrent first lookup, or the
 * seed hook, may have written it first, and then that copy stands.
 */
export async function importCompanyFromRegistry(services: Ports, companyId: string): Promise<CompanyRecord | undefined> {
  const entry = await services.registry.lookup(companyId);
  if (!entry) return undefined;
  // Create-only: when it exists already, that copy stands.
  await services.store.companies.create({
        companyId: entry.creditCode,
        name: entry.name,
        type: entry.type,
        legalRepName: entry.legalRepresentative.name,
        legalRepPersonId: personIdFor(entry.legalRepresentative.idNumber),
        registeredOn: entry.registeredOn,
        status: entry.status,
  });
  return services.store.companies.get(companyId);
}

/**
 * 电子营业执照验证 of 在线申请, asked of the registry itself (not the platform's copy, which may lag a
 * change notification): is this person its legal representative, and is the company active?
 * Persons are compared by id (the keyed hash of the ID number), so no ID number is needed here.
 */
export async function checkBusinessLicence(services: Ports, company: CompanyRecord, personId: string): Promise<LicenceFacts> {
  const entry = await services.registry.lookup(company.companyId);
  if (!entry) throw new DomainError('LICENCE_CHECK_FAILED');
  return {
    type: entry.type,
    status: entry.status,
    isLegalRepresentative: personIdFor(entry.legalRepresentative.idNumber) === personId,
    executivePartners: entry.executivePartners ?? 1,
  };
}
