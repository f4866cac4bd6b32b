import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { platformKeys } from '../../composition/platform-keys';
import { renewSeals } from '../../domain/seal/renew-seal';
import { lifecycleDeps } from '../../domain/seal/deps';

/** POST /v1/companies/{companyId}/seals/renew — 印章续期 of seals in renewal_due or expired (face check). */
export const handler = defineHandler(routes.renewSeals, {
  ports: [blobs, custody, platformKeys],
  async run({ params, body, services, actor }) {
    const results = await renewSeals(lifecycleDeps(services), {
      companyId: params.companyId,
      sealIds: body.sealIds,
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      now: services.now(),
    });
    return { body: { message: '续期成功', results } };
  },
});
