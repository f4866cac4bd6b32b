import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listGrants } from '../../domain/grant/list-grants';

/** GET /v1/grants — 我的 → 授权管理. */
export const handler = defineHandler(routes.grantsList, {
  async run(ctx) {
    return { body: await listGrants(ctx.services.store, await ctx.actor(), ctx.services.now()) };
  },
});
