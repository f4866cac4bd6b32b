import type { PersonRecord, SealStore } from '../../ports/seal-store';
import type { Standing } from './load-actor';

/**
 * 我的: who I am, my companies as legal representative, my active grants, the seals I claimed.
 * The person and their standing are the request's own (read once by the session check and the
 * permission matrix, credentials included: decision 0205); only the names of the grants' other companies are read here.
 */
export async function whoAmI(store: SealStore, person: PersonRecord, standing: Standing) {
  const { personId } = person;
  const { companies, grants, credentials } = standing;
  const known = new Set(companies.map((c) => c.companyId));
  const grantCompanies = await store.companies.getMany([...new Set(grants.map((g) => g.companyId))].filter((id) => !known.has(id)));
  const names = new Map([...companies, ...grantCompanies].map((c) => [c.companyId, c.name]));
  return {
    person: { personId, name: person.name, idNumberMasked: person.idNumberMasked, phone: person.phone },
    companies: companies.map((c) => ({ companyId: c.companyId, name: c.name, type: c.type, status: c.status })),
    grants: grants.map((g) => ({
      grantId: g.grantId,
      companyId: g.companyId,
      companyName: names.get(g.companyId) ?? g.companyId,
      role: g.role,
      sealIds: g.sealIds,
    })),
    credentials: credentials.map((c) => ({
      sealId: c.sealId,
      credentialId: c.credentialId,
      companyId: c.companyId,
      state: c.state,
      medium: c.medium,
      ...(c.medium === 'ukey' && c.ukey ? { ukeySerial: c.ukey.tokenSerial } : {}),
    })),
  };
}
