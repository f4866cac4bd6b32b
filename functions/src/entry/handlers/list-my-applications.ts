import type { applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { listApplicationsOf } from '../../domain/application/list-applications';
import { applicationView } from '../../domain/application/application-view';

/** GET /v1/applications/mine: my applications, newest first, with their outcomes. */
export const handler = defineHandler(routes.listMyApplications, {
  async run(ctx) {
    const page = await listApplicationsOf(ctx.services.store, ctx.personId(), ctx.query);
    const body: applicationDto.ApplicationList = {
      items: await Promise.all(page.items.map((a) => applicationView(ctx.services, a, 'applicant'))),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
    return { body };
  },
});
