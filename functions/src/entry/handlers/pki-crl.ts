import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { currentCrl } from '../../domain/platform-pki/crl';

/** GET /v1/pki/crl — the platform CRL (DER), rebuilt after every revocation; the URL in every seal certificate. */
export const handler = defineHandler(routes.pkiCrl, {
  async run({ services }) {
    return {
      binary: await currentCrl(services),
      contentType: 'application/pkix-crl',
      headers: { 'content-disposition': 'attachment; filename="platform.crl"', 'cache-control': 'no-cache' },
    };
  },
});
