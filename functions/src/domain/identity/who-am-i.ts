import type { Actor } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';
import { getPerson } from './people';

/** 我的: who I am, my companies as legal representative, my active grants, the seals I claimed. */
export async function whoAmI(db: SealService, actor: Actor) {
  const personId = actor.personId!;
  const [person, companies, grants, credentials] = await Promise.all([
    getPerson(db, personId),
    db.entities.company.query.byLegalRep({ legalRepPersonId: personId }).go({ pages: 'all' }),
    db.entities.grant.query.byGrantee({ granteeId: personId }).go({ pages: 'all' }),
    db.entities.credential.query.byPerson({ personId }).go({ pages: 'all' }),
  ]);
  const active = grants.data.filter((g) => g.state === 'active');
  const grantCompanyIds = [...new Set(active.map((g) => g.companyId))];
  const grantCompanies = grantCompanyIds.length
    ? (await db.entities.company.get(grantCompanyIds.map((companyId) => ({ companyId }))).go()).data
    : [];
  const names = new Map(grantCompanies.map((c) => [c.companyId, c.name]));
  return {
    person: { personId, name: person.name, idNumberMasked: person.idNumberMasked, phone: person.phone },
    companies: companies.data.map((c) => ({ companyId: c.companyId, name: c.name, type: c.type, status: c.status })),
    grants: active.map((g) => ({
      grantId: g.grantId,
      companyId: g.companyId,
      companyName: names.get(g.companyId) ?? g.companyId,
      role: g.role,
      sealIds: g.sealIds,
    })),
    credentials: credentials.data.map((c) => ({
      sealId: c.sealId,
      credentialId: c.credentialId,
      companyId: c.companyId,
      state: c.state,
      medium: c.medium,
    })),
  };
}
