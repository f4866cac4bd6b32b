import type { Companies, CompanyRecord } from '../../../ports/store/companies';
import type { SealService } from '../service';
import { conditionally, tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'company'>, CompanyRecord> = true;

export function dynamoDbCompanies({ entities }: SealService): Companies {
  return {
    async get(companyId) {
      return (await entities.company.get({ companyId }).go()).data ?? undefined;
    },
    async getMany(companyIds) {
      if (companyIds.length === 0) return [];
      return (await entities.company.get(companyIds.map((companyId) => ({ companyId }))).go()).data;
    },
    create: (company) => conditionally(() => entities.company.create(company).go()),
    update: (company, changes) =>
      tableWrite((e) =>
        e.company
          .patch({ companyId: company.companyId })
          .set({ ...changes, version: company.version + 1 })
          .where((a, op) => op.eq(a.version, company.version))
          .commit(),
      ),
  };
}
