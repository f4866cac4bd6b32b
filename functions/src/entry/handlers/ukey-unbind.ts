import { ukeyDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { unbindUkey } from '../../domain/ukey/change-medium';

/** POST /v1/seals/{sealId}/ukey/unbind — Ukey解绑: consumes the phone-approved QR challenge (decisions 0021, 0121). */
export const handler = defineHandler(routes.ukeyUnbind, {
  ports: [platformKeys],
  async run({ params, body, services, actor }) {
    const response: ukeyDto.UkeyBindingResponse = await unbindUkey(services, { sealId: params.sealId, actor: await actor(), ...body });
    return { body: response };
  },
});
