import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { platformKeys } from '../../composition/platform-keys';
import { changeSealsOnline } from '../../domain/seal/change-online';
import { lifecycleDeps } from '../../domain/seal/deps';
import { sealView } from '../../domain/seal/views';

/** POST /v1/companies/{companyId}/change — 在线变更: re-apply after a licence change (face check). */
export const handler = defineHandler(routes.changeOnline, {
  ports: [custody, platformKeys],
  async run({ params, body, services, actor }) {
    const seals = await changeSealsOnline(lifecycleDeps(services), {
      companyId: params.companyId,
      kinds: body.kinds,
      sealAlgorithm: body.sealAlgorithm,
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      now: services.now(),
    });
    return { status: 201, body: { message: '申请成功，请进行印章领取', seals: seals.map(sealView) } };
  },
});
