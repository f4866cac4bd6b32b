import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { applicationView, getOwnApplication } from '../../domain/application/application-view';

/** GET /v1/applications/{applicationId}: the applicant's view (state, outcome, rejection reason). */
export const handler = defineHandler(routes.getApplication, {
  async run(ctx) {
    const app = await getOwnApplication(ctx.services.store, ctx.params.applicationId, ctx.personId());
    return { body: await applicationView(ctx.services, app, 'applicant') };
  },
});
