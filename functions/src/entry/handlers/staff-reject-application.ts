import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { notifier } from '../../composition/notifier';
import { rejectApplication } from '../../domain/application/reject-application';
import { applicationView } from '../../domain/application/application-view';

/** POST /v1/staff/applications/{applicationId}/reject: 驳回, with the reason the applicant sees. */
export const handler = defineHandler(routes.staffRejectApplication, {
  ports: [notifier],
  async run(ctx) {
    if (!authorize(await ctx.actor(), 'application.review').allowed) throw new DomainError('NOT_AUTHORIZED');
    const app = await rejectApplication(ctx.services, {
      applicationId: ctx.params.applicationId,
      staffId: ctx.personId(),
      reason: ctx.body.reason,
      expectedVersion: ctx.body.expectedVersion,
    });
    return { body: await applicationView(ctx.services, app, 'staff') };
  },
});
