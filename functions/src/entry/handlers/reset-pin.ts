import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { resetPin } from '../../domain/seal/reset-pin';
import { lifecycleDeps } from '../../domain/seal/deps';
import { credentialView, sealView } from '../../domain/seal/views';

/** POST /v1/seals/{sealId}/pin/reset — 忘记签章密码: face check, new PIN, new key and certificate. */
export const handler = defineHandler(routes.resetPin, {
  ports: [blobs, custody, platformKeys, pinKeys],
  async run({ params, body, services, actor }) {
    const { seal, credential } = await resetPin(lifecycleDeps(services), {
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      sealId: params.sealId,
      newPin: body.newPin,
      now: services.now(),
    });
    return { body: { message: '证书下载成功!', seal: sealView(seal), credential: credentialView(credential) } };
  },
});
