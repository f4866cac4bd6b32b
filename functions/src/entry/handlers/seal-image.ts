import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { sealImage } from '../../domain/seal/seal-image';

/**
 * GET /v1/seals/{sealId}/image — the seal's SVG. Private cache for an hour: a seal's look changes
 * only with its company's name, and a licence change gives the company new seals.
 */
export const handler = defineHandler(routes.sealImage, {
  async run({ params, services, actor }) {
    const svg = await sealImage(services.store, { sealId: params.sealId, actor });
    return { binary: svg, contentType: 'image/svg+xml', headers: { 'cache-control': 'private, max-age=3600' } };
  },
});
