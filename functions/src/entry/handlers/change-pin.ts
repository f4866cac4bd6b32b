import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { changePin } from '../../domain/seal/change-pin';
import { lifecycleDeps } from '../../domain/seal/deps';

/** POST /v1/seals/{sealId}/pin — 修改签章密码: face check, current PIN, new PIN twice → "修改成功". */
export const handler = defineHandler(routes.changePin, {
  ports: [custody, pinKeys],
  async run({ params, body, services, actor }) {
    await changePin(lifecycleDeps(services), {
      party: { kind: 'person', actor: await actor(), faceTicket: body.faceTicket },
      sealId: params.sealId,
      currentPin: body.currentPin,
      newPin: body.newPin,
      now: services.now(),
    });
    return { body: { message: '修改成功' } };
  },
});
