import { applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { registry } from '../../composition/registry';
import { licences } from '../../composition/licences';
import { applyOnline } from '../../domain/application/apply-online';

/** POST /v1/companies/{companyId}/seal-applications: 在线申请 (legal representative, face check). */
export const handler = defineHandler(routes.applyOnline, {
  ports: [registry, licences],
  async run(ctx) {
    const seals = await applyOnline(ctx.services, {
      companyId: ctx.params.companyId,
      personId: ctx.personId(),
      actor: ctx.actor,
      faceTicket: ctx.body.faceTicket,
      licenceTicket: ctx.body.licenceTicket,
      kinds: ctx.body.kinds,
      bilingualName: ctx.body.bilingualName,
      sealAlgorithm: ctx.body.sealAlgorithm,
    });
    const body: applicationDto.OnlineApplyResponse = { seals };
    return { status: 201, body };
  },
});
