import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { applicationForm, getOwnApplication } from '../../domain/application/application-view';
import { renderApplicationForm } from '../../engines/forms/render-application-form';

/** GET /v1/applications/{applicationId}/form.pdf: 下载申请表 (the applicant's own). */
export const handler = defineHandler(routes.downloadApplicationForm, {
  async run(ctx) {
    const app = await getOwnApplication(ctx.services.store, ctx.params.applicationId, ctx.personId());
    const pdf = await renderApplicationForm(await applicationForm(ctx.services.store, app), new Date(app.createdAt));
    return { binary: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `attachment; filename="${app.reference}.pdf"` } };
  },
});
