import type { LicenceAuthorizationRecord, LicenceAuthorizations } from '../../../ports/store/licence-authorizations';
import type { SigningRecord, SigningRecords } from '../../../ports/store/signing-records';
import type { SealService } from '../service';
import { conditionally, tableWrite, type ItemOf, type Same } from './table-write';

const _signing: Same<ItemOf<'signingRecord'>, SigningRecord> = true;
const _licence: Same<ItemOf<'licenceAuthorization'>, LicenceAuthorizationRecord> = true;

export function dynamoDbSigningRecords({ entities }: SealService): SigningRecords {
  return {
    add: (record) => tableWrite((e) => e.signingRecord.create(record).commit()),
    async ofSeal(sealId, request = {}) {
      const result = await entities.signingRecord.query
        .bySeal({ sealId })
        .go({ order: 'desc', limit: request.limit ?? 50, cursor: request.cursor ?? null });
      return { items: result.data, ...(result.cursor ? { cursor: result.cursor } : {}) };
    },
    async get(sealId, recordId) {
      return (await entities.signingRecord.get({ sealId, recordId }).go()).data ?? undefined;
    },
  };
}

export function dynamoDbLicenceAuthorizations({ entities }: SealService): LicenceAuthorizations {
  return {
    async get(authorizationId) {
      return (await entities.licenceAuthorization.get({ authorizationId }).go({ consistent: true })).data ?? undefined;
    },
    async create(authorization) {
      await entities.licenceAuthorization.create(authorization).go();
    },
    decide: (authorizationId, { state, licence, now }) =>
      conditionally(() =>
        entities.licenceAuthorization
          .patch({ authorizationId })
          .set({ state, ...(licence ? { licence } : {}) })
          .where((a, op) => `${op.eq(a.state, 'started')} AND ${op.gt(a.expiresAt, now)}`)
          .go(),
      ),
    spend: (authorization) =>
      conditionally(() =>
        entities.licenceAuthorization
          .patch({ authorizationId: authorization.authorizationId })
          .set({ state: 'used' })
          .where(
            (a, op) =>
              `${op.eq(a.state, 'verified')} AND ${op.eq(a.personId, authorization.personId)} AND ${op.eq(a.companyId, authorization.companyId)} AND ${op.gt(a.expiresAt, authorization.now)}`,
          )
          .go(),
      ),
  };
}
