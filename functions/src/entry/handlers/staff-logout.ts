import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { logout } from '../../domain/identity/issue-session';

/** POST /v1/staff/sessions/logout */
export const handler = defineHandler(routes.staffLogout, {
  async run(ctx) {
    await logout(ctx.services, ctx.personId());
    return { body: { loggedOut: true as const } };
  },
});
