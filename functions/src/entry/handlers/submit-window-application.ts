import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { registry } from '../../composition/registry';
import { submitWindowApplication } from '../../domain/application/submit-window-application';
import { applicationView, getApplicationRecord } from '../../domain/application/application-view';

/** POST /v1/applications: 窗口办理, any kind; answers with the application and its form's URL. */
export const handler = defineHandler(routes.submitWindowApplication, {
  ports: [blobs, registry],
  async run(ctx) {
    const { applicationId } = await submitWindowApplication(ctx.services, { personId: ctx.personId(), actor: ctx.actor, request: ctx.body });
    const app = await getApplicationRecord(ctx.services.store, applicationId);
    return { status: 201, body: await applicationView(ctx.services, app, 'applicant') };
  },
});
