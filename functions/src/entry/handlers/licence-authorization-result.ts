import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { registry } from '../../composition/registry';
import { licences } from '../../composition/licences';
import { finishLicenceAuthorization } from '../../domain/application/licence-authorization';

/** POST /v1/licence-authorizations/{authorizationId}/result: the licence, verified, or the way to the window. */
export const handler = defineHandler(routes.licenceAuthorizationResult, {
  ports: [idNumbers, registry, licences],
  async run(ctx) {
    const result = await finishLicenceAuthorization(ctx.services, {
      authorizationId: ctx.params.authorizationId,
      personId: ctx.personId(),
      authCode: ctx.body.authCode,
      presented: ctx.body.presented,
    });
    return { body: result };
  },
});
