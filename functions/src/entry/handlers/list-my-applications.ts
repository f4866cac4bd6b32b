import * as z from 'zod/mini';
import type { applicationDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { listApplicationsOf } from '../../domain/application/list-applications';
import { applicationView } from '../../domain/application/application-view';

/** GET /v1/applications/mine: my applications, newest first, with their outcomes. */
export const handler = defineHandler({
  name: 'list-my-applications',
  query: z.object({
    cursor: z.optional(z.string().check(z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  }),
  async run(ctx) {
    const page = await listApplicationsOf(ctx.services.store, ctx.personId(), ctx.query);
    const body: applicationDto.ApplicationList = {
      items: await Promise.all(page.items.map((a) => applicationView(ctx.services, a, 'applicant'))),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
    return { body };
  },
});
