import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { readSigningBatch } from '../../domain/document/read-signing-batch';

/** GET /v1/signing-batches/{batchId} — a signing batch's progress, then its summary (owner only). */
export const handler = defineHandler(routes.getSigningBatch, {
  ports: [],
  async run(ctx) {
    return { body: await readSigningBatch(ctx.services, { personId: ctx.personId(), batchId: ctx.params.batchId }) };
  },
});
