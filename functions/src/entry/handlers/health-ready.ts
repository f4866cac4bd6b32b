import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { checkReadiness } from '../../domain/platform-health/check-readiness';

/** GET /v1/health/ready — readiness for operators (a staff session): each backing service reached, cached briefly (decision 0142). */
export const handler = defineHandler(routes.healthReady, {
  ports: [blobs, platformKeys],
  async run({ services }) {
    const body = await checkReadiness(services);
    return { status: body.status === 'ok' ? 200 : 503, body };
  },
});
