import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformPki } from '../../domain/platform-pki/platform-ca';
import { toPem } from '../../engines/pki/pem';

/** GET /v1/pki/root — the platform root certificate (PEM), the trust anchor of every seal. */
export const handler = defineHandler(routes.pkiRoot, {
  async run({ services }) {
    const pki = await platformPki(services);
    return {
      binary: new TextEncoder().encode(toPem(pki.root)),
      contentType: 'application/x-pem-file',
      headers: { 'content-disposition': 'attachment; filename="platform-root.pem"', 'cache-control': 'public, max-age=3600' },
    };
  },
});
