import { authorize, type Action } from '../domain';
import { actorOf, myCompanies, type CompanyChoice, type Me } from './me';

/** The companies on which the permission matrix lets me take `action` (any of their seals). */
export function companiesFor(me: Me, action: Action): CompanyChoice[] {
  const actor = actorOf(me);
  return myCompanies(me).filter((c) => authorize(actor, action, { companyId: c.companyId }).allowed);
}

export function mayOnSomeCompany(me: Me, action: Action): boolean {
  return companiesFor(me, action).length > 0;
}

/** May I take `action` on these seals of this company? */
export function mayOnSeals(me: Me, action: Action, companyId: string, sealIds: string[]): boolean {
  return authorize(actorOf(me), action, { companyId, sealIds }).allowed;
}
