import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { gmPlatformPki, platformPki } from '../../domain/platform-pki/platform-ca';
import { toPem } from '../../engines/pki/pem';

/** GET /v1/pki/root — the platform root certificate (PEM), the trust anchor of every seal; `?ca=sm2`: the SM2 root (decision 0076). */
export const handler = defineHandler(routes.pkiRoot, {
  ports: [platformKeys],
  async run({ query, services }) {
    const sm2 = query.ca === 'sm2';
    const pki = sm2 ? await gmPlatformPki(services) : await platformPki(services);
    return {
      binary: new TextEncoder().encode(toPem(pki.root)),
      contentType: 'application/x-pem-file',
      headers: { 'content-disposition': `attachment; filename="${sm2 ? 'platform-sm2-root.pem' : 'platform-root.pem'}"`, 'cache-control': 'public, max-age=3600' },
    };
  },
});
