import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { claimSeal } from '../../domain/seal/claim-seal';
import { lifecycleDeps } from '../../domain/seal/deps';
import { credentialView, sealView } from '../../domain/seal/views';

/** POST /v1/seals/{sealId}/claim — 印章领取: face check, PIN twice, "证书下载成功!". */
export const handler = defineHandler(routes.claimSeal, {
  ports: [blobs, custody, platformKeys, pinKeys],
  async run({ params, body, services, actor }) {
    const { seal, credential } = await claimSeal(lifecycleDeps(services), {
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      sealId: params.sealId,
      pin: body.pin,
      medium: body.medium,
      now: services.now(),
    });
    return { status: 201, body: { message: '证书下载成功!', seal: sealView(seal), credential: credentialView(credential) } };
  },
});
