import { DomainError } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { whoAmI } from '../../domain/identity/who-am-i';

/** GET /v1/me — 我的. */
export const handler = defineHandler(routes.me, {
  async run(ctx) {
    if (ctx.principal.mode !== 'session') throw new DomainError('UNAUTHENTICATED');
    return { body: await whoAmI(ctx.services.store, ctx.principal.person, await ctx.standing()) };
  },
});
