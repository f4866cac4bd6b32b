import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { completeUkeySigning } from '../../domain/ukey/sign-with-ukey';

/** POST /v1/documents/{documentId}/ukey-sign/{signingId} — UKey签章, phase two: the token's signature (decision 0123). */
export const handler = defineHandler(routes.ukeySignComplete, {
  ports: [blobs, platformKeys],
  async run(ctx) {
    const signed = await completeUkeySigning(signingServices(ctx.services), {
      personId: ctx.personId(),
      documentId: ctx.params.documentId,
      signingId: ctx.params.signingId,
      signature: ctx.body.signature,
      now: ctx.services.now(),
      standing: await ctx.standing(),
    });
    return { body: signed };
  },
});
