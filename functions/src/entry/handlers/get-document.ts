import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { readingServices } from '../../composition-reading';
import { describeDocument } from '../../domain/document/describe-document';

/** GET /v1/documents/{documentId} — name, size, pages, signatures, download URL (owner only). */
export const handler = defineHandler(routes.getDocument, {
  ports: [blobs],
  async run(ctx) {
    return {
      body: await describeDocument(readingServices(ctx.services), {
        documentId: ctx.params.documentId,
        personId: ctx.personId(),
        now: ctx.services.now(),
      }),
    };
  },
});
