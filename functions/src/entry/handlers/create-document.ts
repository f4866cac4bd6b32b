import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { createDocumentUpload } from '../../domain/document/create-upload';

/** POST /v1/documents — a presigned upload for a document to sign (≤50 MB). */
export const handler = defineHandler(routes.createDocument, {
  ports: [blobs],
  async run(ctx) {
    const ticket = await createDocumentUpload(ctx.services, { ownerId: ctx.personId(), ...ctx.body, now: ctx.services.now() });
    return { status: 201, body: ticket };
  },
});
