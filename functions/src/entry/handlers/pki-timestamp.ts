import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { answerTimestampRequest } from '../../domain/platform-pki/timestamp';

/** POST /v1/pki/tsa — RFC 3161 over HTTP: application/timestamp-query in, application/timestamp-reply out. */
export const handler = defineHandler(routes.pkiTimestamp, {
  ports: [platformKeys],
  async run({ services }, raw) {
    return { binary: await answerTimestampRequest(services, raw), contentType: 'application/timestamp-reply' };
  },
});
