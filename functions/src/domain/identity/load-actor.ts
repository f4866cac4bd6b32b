import type { Actor } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';

/**
 * Who a person is to the permission matrix, read fresh on every request: the companies whose
 * legal representative they are, and their active grants. Reading grants per request is what
 * makes 取消授权 take effect at once.
 */
export async function loadActor(db: SealService, personId: string, extra: Partial<Actor> = {}): Promise<Actor> {
  const [companies, grants] = await Promise.all([
    db.entities.company.query.byLegalRep({ legalRepPersonId: personId }).go({ pages: 'all' }),
    db.entities.grant.query.byGrantee({ granteeId: personId }).go({ pages: 'all' }),
  ]);
  return {
    personId,
    legalRepresentativeOf: companies.data.filter((c) => c.status === 'active').map((c) => c.companyId),
    grants: grants.data.filter((g) => g.state === 'active').map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
    ...extra,
  };
}
