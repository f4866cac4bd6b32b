import { DomainError, applicationDto, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listQueue } from '../../domain/application/list-applications';
import { applicationView } from '../../domain/application/application-view';

/** GET /v1/staff/applications?state=submitted: the window queue, oldest first. */
export const handler = defineHandler(routes.staffListApplications, {
  async run(ctx) {
    if (!authorize(await ctx.actor(), 'application.review').allowed) throw new DomainError('NOT_AUTHORIZED');
    const page = await listQueue(ctx.services.store, ctx.query.state, ctx.query);
    const body: applicationDto.ApplicationList = {
      items: await Promise.all(page.items.map((a) => applicationView(ctx.services, a, 'staff'))),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
    return { body };
  },
});
