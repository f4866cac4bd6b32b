import { ukeyDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { changeUkeyBinding } from '../../domain/ukey/change-medium';

/** POST /v1/seals/{sealId}/ukey/unbind — Ukey解绑: consumes the phone-approved QR challenge (decision 0021). */
export const handler = defineHandler(routes.ukeyUnbind, {
  async run({ params, body, services, actor }) {
    const result = await changeUkeyBinding(services, { operation: 'unbind', sealId: params.sealId, actor: await actor(), ...body });
    const response: ukeyDto.UkeyBindingResponse = result;
    return { body: response };
  },
});
