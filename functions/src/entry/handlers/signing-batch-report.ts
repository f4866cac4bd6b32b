import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { signingBatchReport } from '../../domain/document/signing-batch-report';

/** GET /v1/signing-batches/{batchId}/report — 批量签章汇总报告 (CSV), the owner's only. */
export const handler = defineHandler(routes.signingBatchReport, {
  ports: [],
  async run(ctx) {
    const { csv, fileName } = await signingBatchReport(ctx.services, { personId: ctx.personId(), batchId: ctx.params.batchId });
    return {
      binary: csv,
      contentType: 'text/csv; charset=utf-8',
      headers: {
        'content-disposition': `attachment; filename="signing-batch-${ctx.params.batchId.slice(3, 11)}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'private, no-store',
      },
    };
  },
});
