import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { signDocument } from '../../domain/document/sign-document';

/** POST /v1/documents/{documentId}/sign — 文件签章 with the signing PIN (and 骑缝章 on request). */
export const handler = defineHandler(routes.signDocument, {
  ports: [blobs, custody, platformKeys, pinKeys],
  async run(ctx) {
    const signed = await signDocument(signingServices(ctx.services), {
      personId: ctx.personId(),
      documentId: ctx.params.documentId,
      ...ctx.body,
      now: ctx.services.now(),
      standing: await ctx.standing(),
    });
    return { body: signed };
  },
});
