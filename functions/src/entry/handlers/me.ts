import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { whoAmI } from '../../domain/identity/who-am-i';

/** GET /v1/me — 我的. */
export const handler = defineHandler(routes.me, {
  async run(ctx) {
    return { body: await whoAmI(ctx.services.store, await ctx.actor()) };
  },
});
