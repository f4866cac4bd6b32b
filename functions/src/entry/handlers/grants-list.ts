import { defineHandler } from '../../http/define-handler';
import { listGrants } from '../../domain/grant/list-grants';

/** GET /v1/grants — 我的 → 授权管理. */
export const handler = defineHandler({
  name: 'grants-list',
  async run(ctx) {
    return { body: await listGrants(ctx.services.store, await ctx.actor()) };
  },
});
