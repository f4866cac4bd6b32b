import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { withdrawApplication } from '../../domain/application/withdraw-application';
import { applicationView } from '../../domain/application/application-view';

/** POST /v1/applications/{applicationId}/withdraw: 撤回 (the applicant, before the window decides). */
export const handler = defineHandler(routes.withdrawApplication, {
  async run(ctx) {
    const app = await withdrawApplication(ctx.services, {
      applicationId: ctx.params.applicationId,
      personId: ctx.personId(),
      expectedVersion: ctx.body.expectedVersion,
    });
    return { body: await applicationView(ctx.services, app, 'applicant') };
  },
});
