import * as z from 'zod';
import type { applicationDto } from '@seal/shared';
import { defineHandler } from '../http/define-handler';
import { listApplicationsOf } from '../applications/list-applications';
import { applicationView } from '../applications/application-view';

/** GET /v1/applications/mine: my applications, newest first, with their outcomes. */
export const handler = defineHandler({
  name: 'list-my-applications',
  query: z.object({ cursor: z.string().max(2048).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
  async run(ctx) {
    const page = await listApplicationsOf(ctx.services.db, ctx.personId(), ctx.query);
    const body: applicationDto.ApplicationList = {
      items: await Promise.all(page.items.map((a) => applicationView(ctx.services, a, 'applicant'))),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
    return { body };
  },
});
