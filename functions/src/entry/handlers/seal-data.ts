import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { sealDataOf } from '../../domain/seal/seal-data';

/** GET /v1/seals/{sealId}/seal-data — the seal's 印章数据 (GB/T 38540 SES_Seal, DER), as `<esID>.esl`. */
export const handler = defineHandler(routes.sealData, {
  ports: [blobs],
  async run({ params, services, actor }) {
    const { der, esId } = await sealDataOf(services, { sealId: params.sealId, actor });
    return {
      binary: der,
      contentType: 'application/octet-stream',
      // Made again when the seal's certificates change: never served from a cache.
      headers: { 'content-disposition': `attachment; filename="${esId}.esl"`, 'cache-control': 'no-store' },
    };
  },
});
