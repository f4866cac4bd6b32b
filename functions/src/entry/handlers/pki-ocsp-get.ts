import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { platformKeys } from '../../composition/platform-keys';
import { answerOcsp } from '../../domain/platform-pki/ocsp-responder';

/**
 * GET /v1/pki/ocsp/{request} — RFC 6960 appendix A.1: the request, base64 (or base64url), as the
 * path's last segment. Cacheable until the answer's nextUpdate, as the appendix suggests for GET.
 */
export const handler = defineHandler(routes.pkiOcspGet, {
  ports: [platformKeys],
  async run({ params, services }) {
    const der = Buffer.from(params.request.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return { binary: await answerOcsp(services, der), contentType: 'application/ocsp-response', headers: { 'cache-control': 'public, max-age=300' } };
  },
});
