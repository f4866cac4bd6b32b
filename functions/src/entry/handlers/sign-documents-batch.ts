import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { signDocuments } from '../../domain/document/sign-batch';

/** POST /v1/documents/sign-batch — 批量签章: the PIN once, each document succeeds or fails on its own. */
export const handler = defineHandler(routes.signDocumentsBatch, {
  ports: [blobs, custody, platformKeys, pinKeys],
  async run(ctx) {
    return { body: await signDocuments(signingServices(ctx.services), { personId: ctx.personId(), ...ctx.body, now: ctx.services.now(), standing: await ctx.standing() }) };
  },
});
