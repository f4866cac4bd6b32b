import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { applicationForm, getApplicationRecord } from '../../domain/application/application-view';
import { renderApplicationForm } from '../../engines/forms/render-application-form';

/** GET /v1/staff/applications/{applicationId}/form.pdf: the form as the applicant printed it. */
export const handler = defineHandler(routes.staffDownloadApplicationForm, {
  async run(ctx) {
    if (!authorize(await ctx.actor(), 'application.review').allowed) throw new DomainError('NOT_AUTHORIZED');
    const app = await getApplicationRecord(ctx.services.store, ctx.params.applicationId);
    const pdf = await renderApplicationForm(await applicationForm(ctx.services.store, app), new Date(app.createdAt));
    return { binary: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${app.reference}.pdf"` } };
  },
});
