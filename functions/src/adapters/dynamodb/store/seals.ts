import type { SealRecord, Seals } from '../../../ports/store/seals';
import type { SealService } from '../service';
import { tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'seal'>, SealRecord> = true;

export function dynamoDbSeals({ entities }: SealService): Seals {
  return {
    async get(sealId, options) {
      const { data } = await entities.seal.get({ sealId }).go({ consistent: options?.consistent ?? false });
      return data ?? undefined;
    },
    async getMany(sealIds) {
      if (sealIds.length === 0) return [];
      const { data } = await entities.seal.get(sealIds.map((sealId) => ({ sealId }))).go();
      return data;
    },
    async ofCompany(companyId) {
      return (await entities.seal.query.byCompany({ companyId }).go({ pages: 'all' })).data;
    },
    async anyOfCompany(companyId) {
      return (await entities.seal.query.byCompany({ companyId }).go({ limit: 1 })).data.length > 0;
    },
    async expiringOn(day) {
      return (await entities.seal.query.byExpiry({ expiresOn: day }).go({ pages: 'all' })).data;
    },
    create: (seal) => tableWrite((e) => e.seal.create(seal).commit()),
    unchanged: (seal) => tableWrite((e) => e.seal.check({ sealId: seal.sealId }).where((a, op) => op.eq(a.version, seal.version)).commit()),
    update: (seal, changes) =>
      tableWrite((e) =>
        e.seal
          .patch({ sealId: seal.sealId })
          .set({ ...changes, version: seal.version + 1 })
          .where((a, op) => op.eq(a.version, seal.version))
          .commit(),
      ),
  };
}
