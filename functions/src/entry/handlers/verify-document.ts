import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { verifyingServices } from '../../composition-verifying';
import { verifyPostedDocument } from '../../domain/document/verify-upload';

/** POST /v1/verify — 免登录文档验证: the PDF is the request body (≤4 MB, `MAX_INLINE_VERIFY_BYTES`). */
export const handler = defineHandler(routes.verifyDocument, {
  ports: [blobs],
  async run(ctx, raw) {
    return {
      body: await verifyPostedDocument(verifyingServices(ctx.services), {
        bytes: raw,
        clientKey: ctx.client.ip ?? 'unknown',
        now: ctx.services.now(),
      }),
    };
  },
});
