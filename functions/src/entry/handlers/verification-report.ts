import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { verificationReportPdf } from '../../domain/document/verification-report';

/** GET /v1/verify/reports/{reportId}: 下载验证报告 (PDF), for the one who verified (the id is the capability). */
export const handler = defineHandler(routes.verificationReport, {
  ports: [blobs],
  async run(ctx) {
    const { pdf, fileName } = await verificationReportPdf(ctx.services, ctx.params.reportId);
    const ascii = `verification-report-${fileName.slice(-12, -4)}.pdf`;
    return {
      binary: pdf,
      contentType: 'application/pdf',
      headers: { 'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`, 'cache-control': 'private, no-store' },
    };
  },
});
