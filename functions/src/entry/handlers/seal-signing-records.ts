import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { sealSigningRecords } from '../../domain/document/signing-records';

/** GET /v1/seals/{sealId}/signing-records — 用印记录 (legal representative and administrators). */
export const handler = defineHandler(routes.sealSigningRecords, {
  async run({ params, query, services, actor }) {
    return { body: await sealSigningRecords(services.store, { sealId: params.sealId, actor, cursor: query.cursor, limit: query.limit }) };
  },
});
