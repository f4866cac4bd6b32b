import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { signConfirmedDocument } from '../../domain/document/sign-confirmed';

/** POST /v1/documents/{documentId}/sign-confirmed — 电脑网页签章 after the phone approved with the PIN (decision 0018). */
export const handler = defineHandler(routes.signDocumentConfirmed, {
  ports: [blobs, custody, platformKeys, pinKeys],
  async run(ctx) {
    const signed = await signConfirmedDocument(signingServices(ctx.services), {
      personId: ctx.personId(),
      documentId: ctx.params.documentId,
      ...ctx.body,
      now: ctx.services.now(),
      standing: await ctx.standing(),
    });
    return { body: signed };
  },
});
