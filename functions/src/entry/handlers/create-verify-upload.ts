import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { createVerifyUpload } from '../../domain/document/verify-upload-ticket';

/** POST /v1/verify/uploads — a presigned upload for verifying a file too large to post (no login, rate-limited by size). */
export const handler = defineHandler(routes.createVerifyUpload, {
  ports: [blobs],
  async run(ctx) {
    const ticket = await createVerifyUpload(ctx.services, {
      size: ctx.body.size,
      clientKey: ctx.client.ip ?? 'unknown',
      now: ctx.services.now(),
    });
    return { status: 201, body: ticket };
  },
});
