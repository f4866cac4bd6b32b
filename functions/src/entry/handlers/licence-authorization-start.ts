import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { registry } from '../../composition/registry';
import { licences } from '../../composition/licences';
import { beginLicenceAuthorization } from '../../domain/application/licence-authorization';

/** POST /v1/companies/{companyId}/licence-authorizations: 在线申请's 电子营业执照验证 begins. */
export const handler = defineHandler(routes.licenceAuthorizationStart, {
  ports: [registry, licences],
  async run(ctx) {
    const started = await beginLicenceAuthorization(ctx.services, { companyId: ctx.params.companyId, personId: ctx.personId(), actor: ctx.actor });
    return { status: 201, body: started };
  },
});
