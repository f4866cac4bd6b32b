import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { unfreezeSeals } from '../../domain/seal/freeze-seal';
import { lifecycleDeps } from '../../domain/seal/deps';

/** POST /v1/companies/{companyId}/seals/unfreeze — 在线解冻 (face check). */
export const handler = defineHandler(routes.unfreezeSeals, {
  ports: [custody],
  async run({ params, body, services, actor }) {
    const results = await unfreezeSeals(lifecycleDeps(services), {
      companyId: params.companyId,
      sealIds: body.sealIds,
      reason: body.reason,
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      now: services.now(),
    });
    return { body: { message: '解冻成功', results } };
  },
});
