import type { GrantRecord, Grants } from '../../../ports/store/grants';
import type { SealService } from '../service';
import { tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'grant'>, GrantRecord> = true;

export function dynamoDbGrants({ entities }: SealService): Grants {
  return {
    async get(companyId, grantId) {
      return (await entities.grant.get({ companyId, grantId }).go()).data ?? undefined;
    },
    async ofCompany(companyId) {
      return (await entities.grant.query.byCompany({ companyId }).go({ pages: 'all' })).data;
    },
    async ofGrantee(personId) {
      return (await entities.grant.query.byGrantee({ granteeId: personId }).go({ pages: 'all' })).data;
    },
    create: (grant) => tableWrite((e) => e.grant.create(grant).commit()),
    end: (grant, change) =>
      tableWrite((e) =>
        e.grant
          .patch({ companyId: grant.companyId, grantId: grant.grantId })
          .set({ ...change, version: grant.version + 1 })
          .where((a, op) => op.eq(a.version, grant.version))
          .commit(),
      ),
  };
}
