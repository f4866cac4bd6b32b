import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { currentCrl } from '../../domain/platform-pki/crl';
import { CRL_ISSUERS } from '../../domain/platform-pki/crl-issuers';

/**
 * GET /v1/pki/crl — the P-256 root's CRL (DER), rebuilt after every revocation; `?ca=sm2`: the SM2
 * root's (decision 0076). The URL in every seal certificate of that hierarchy.
 */
export const handler = defineHandler(routes.pkiCrl, {
  ports: [blobs, platformKeys],
  async run({ query, services }) {
    const sm2 = query.ca === 'sm2';
    return {
      binary: await currentCrl(services, CRL_ISSUERS[sm2 ? 'sm2-sm3' : 'ecdsa-p256-sha256']),
      contentType: 'application/pkix-crl',
      headers: { 'content-disposition': `attachment; filename="${sm2 ? 'platform-sm2.crl' : 'platform.crl'}"`, 'cache-control': 'no-cache' },
    };
  },
});
