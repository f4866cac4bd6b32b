import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { registry } from '../../composition/registry';
import { resubmitApplication } from '../../domain/application/resubmit-application';
import { applicationView, getApplicationRecord } from '../../domain/application/application-view';

/** POST /v1/applications/{applicationId}/resubmit: a rejected application, corrected, as a new one. */
export const handler = defineHandler(routes.resubmitApplication, {
  ports: [blobs, registry],
  async run(ctx) {
    const { applicationId } = await resubmitApplication(ctx.services, {
      applicationId: ctx.params.applicationId,
      personId: ctx.personId(),
      actor: ctx.actor,
      request: ctx.body.request,
      expectedVersion: ctx.body.expectedVersion,
    });
    const app = await getApplicationRecord(ctx.services.store, applicationId);
    return { status: 201, body: await applicationView(ctx.services, app, 'applicant') };
  },
});
