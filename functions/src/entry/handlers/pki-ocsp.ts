import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { answerOcsp } from '../../domain/platform-pki/ocsp-responder';

/** POST /v1/pki/ocsp — RFC 6960 over HTTP: application/ocsp-request in, application/ocsp-response out. */
export const handler = defineHandler(routes.pkiOcsp, {
  ports: [platformKeys],
  async run({ services }, raw) {
    return { binary: await answerOcsp(services, raw), contentType: 'application/ocsp-response' };
  },
});
