import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { markNotificationsRead } from '../../domain/notification/list-notifications';

/** POST /v1/notifications/read: marks some of my messages read. */
export const handler = defineHandler(routes.markNotificationsRead, {
  async run(ctx) {
    return { body: await markNotificationsRead(ctx.services, ctx.personId(), ctx.body.notificationIds) };
  },
});
