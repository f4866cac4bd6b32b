import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { myDocuments } from '../../domain/document/signing-records';

/** GET /v1/documents/mine — 我的文件: the documents I had signed, newest first. */
export const handler = defineHandler(routes.listMyDocuments, {
  async run(ctx) {
    return { body: await myDocuments(ctx.services.store, { personId: ctx.personId(), cursor: ctx.query.cursor, limit: ctx.query.limit }) };
  },
});
