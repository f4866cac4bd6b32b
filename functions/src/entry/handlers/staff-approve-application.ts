import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { platformKeys } from '../../composition/platform-keys';
import { notifier } from '../../composition/notifier';
import { approveApplication } from '../../domain/application/approve-application';
import { applicationView } from '../../domain/application/application-view';

/** POST /v1/staff/applications/{applicationId}/approve: the change takes effect. */
export const handler = defineHandler(routes.staffApproveApplication, {
  ports: [blobs, custody, platformKeys, notifier],
  async run(ctx) {
    if (!authorize(await ctx.actor(), 'application.review').allowed) throw new DomainError('NOT_AUTHORIZED');
    const app = await approveApplication(ctx.services, {
      applicationId: ctx.params.applicationId,
      staffId: ctx.personId(),
      expectedVersion: ctx.body.expectedVersion,
    });
    return { body: await applicationView(ctx.services, app, 'staff') };
  },
});
