import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { platformKeys } from '../../composition/platform-keys';
import { revokeSeals } from '../../domain/seal/revoke-seal';
import { lifecycleDeps } from '../../domain/seal/deps';

/** POST /v1/companies/{companyId}/seals/revoke — 在线注销 (face check): final, certificates revoked, CRL rebuilt. */
export const handler = defineHandler(routes.revokeSeals, {
  ports: [custody, platformKeys],
  async run({ params, body, services, actor }) {
    const results = await revokeSeals(lifecycleDeps(services), {
      companyId: params.companyId,
      sealIds: body.sealIds,
      reason: body.reason,
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      now: services.now(),
    });
    return { body: { message: '注销成功', results } };
  },
});
