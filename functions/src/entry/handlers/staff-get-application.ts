import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { applicationView, getApplicationRecord } from '../../domain/application/application-view';

/** GET /v1/staff/applications/{applicationId}: by the reference scanned from the form's QR code. */
export const handler = defineHandler(routes.staffGetApplication, {
  async run(ctx) {
    if (!authorize(await ctx.actor(), 'application.review').allowed) throw new DomainError('NOT_AUTHORIZED');
    const app = await getApplicationRecord(ctx.services.store, ctx.params.applicationId);
    return { body: await applicationView(ctx.services, app, 'staff') };
  },
});
