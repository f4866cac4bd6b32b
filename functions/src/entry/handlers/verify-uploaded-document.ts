import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { verifyingServices } from '../../composition-verifying';
import { verifyUploadedDocument } from '../../domain/document/verify-upload';

/** POST /v1/verify/by-upload — verifies a file uploaded with /v1/verify/uploads, then deletes it. */
export const handler = defineHandler(routes.verifyUploadedDocument, {
  ports: [blobs],
  async run(ctx) {
    return {
      body: await verifyUploadedDocument(verifyingServices(ctx.services), { documentId: ctx.body.documentId, now: ctx.services.now() }),
    };
  },
});
