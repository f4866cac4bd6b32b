import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { logout } from '../../domain/identity/issue-session';

/** POST /v1/sessions/logout — ends every session of the person (phone and desktop). */
export const handler = defineHandler(routes.logout, {
  async run(ctx) {
    await logout(ctx.services, ctx.personId());
    return { body: { loggedOut: true as const } };
  },
});
