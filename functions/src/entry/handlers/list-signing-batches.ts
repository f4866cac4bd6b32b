import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listSigningBatches } from '../../domain/document/read-signing-batch';

/** GET /v1/signing-batches — 我的批量签章: the caller's batches of the last 7 days (the phone follows them). */
export const handler = defineHandler(routes.listSigningBatches, {
  ports: [],
  async run(ctx) {
    return { body: await listSigningBatches(ctx.services, { personId: ctx.personId(), now: ctx.services.now() }) };
  },
});
