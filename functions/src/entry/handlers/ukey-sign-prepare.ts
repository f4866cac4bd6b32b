import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { prepareUkeySigning } from '../../domain/ukey/sign-with-ukey';

/** POST /v1/documents/{documentId}/ukey-sign — UKey签章, phase one: the digest the token signs (decision 0123). */
export const handler = defineHandler(routes.ukeySignPrepare, {
  ports: [blobs, platformKeys],
  async run(ctx) {
    const prepared = await prepareUkeySigning(signingServices(ctx.services), {
      personId: ctx.personId(),
      documentId: ctx.params.documentId,
      ...ctx.body,
      now: ctx.services.now(),
      standing: await ctx.standing(),
    });
    return { body: prepared };
  },
});
