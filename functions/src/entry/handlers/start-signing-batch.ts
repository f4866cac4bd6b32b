import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { signingQueue } from '../../composition/signing-queue';
import { signingServices } from '../../composition-signing';
import { startSigningBatch } from '../../domain/document/start-signing-batch';

/** POST /v1/signing-batches — 批量签章任务: the PIN once, then one queued message per document (decision 0165). */
export const handler = defineHandler(routes.startSigningBatch, {
  ports: [custody, platformKeys, pinKeys, signingQueue],
  async run(ctx) {
    const body = await startSigningBatch(signingServices(ctx.services), { personId: ctx.personId(), ...ctx.body, now: ctx.services.now(), standing: await ctx.standing() });
    return { status: 202, body };
  },
});
