import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listNotifications } from '../../domain/notification/list-notifications';

/** GET /v1/notifications: 消息, the signed-in person's own, newest first. */
export const handler = defineHandler(routes.listNotifications, {
  async run(ctx) {
    return { body: await listNotifications(ctx.services, ctx.personId(), ctx.query.cursor, ctx.query.limit) };
  },
});
