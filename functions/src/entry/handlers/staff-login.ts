import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { staffLogin } from '../../domain/identity/staff-login';

/** POST /v1/staff/sessions — window staff: username + password → a `staff` session. */
export const handler = defineHandler(routes.staffLogin, {
  async run({ body, services, client }) {
    return { status: 201, body: await staffLogin(services, body, client.ip) };
  },
});
