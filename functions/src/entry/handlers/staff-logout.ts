import { defineHandler } from '../../http/define-handler';
import { logout } from '../../domain/identity/issue-session';

/** POST /v1/staff/sessions/logout */
export const handler = defineHandler({
  name: 'staff-logout',
  async run(ctx) {
    await logout(ctx.services, ctx.personId());
    return { body: { loggedOut: true } };
  },
});
