import { ukeyDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { changeUkeyBinding } from '../../domain/ukey/change-medium';

/** POST /v1/seals/{sealId}/ukey/bind — Ukey绑定: consumes the phone-approved QR challenge (decision 0021). */
export const handler = defineHandler(routes.ukeyBind, {
  async run({ params, body, services, actor }) {
    const result = await changeUkeyBinding(services, { operation: 'bind', sealId: params.sealId, actor: await actor(), ...body });
    const response: ukeyDto.UkeyBindingResponse = result;
    return { body: response };
  },
});
