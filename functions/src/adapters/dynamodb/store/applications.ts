import type { ApplicationRecord, Applications } from '../../../ports/store/applications';
import type { SealService } from '../service';
import { conditionally, tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'application'>, ApplicationRecord> = true;

export function dynamoDbApplications({ entities }: SealService): Applications {
  const page = (result: { data: ApplicationRecord[]; cursor: string | null }) => ({
    items: result.data,
    ...(result.cursor ? { cursor: result.cursor } : {}),
  });
  return {
    async get(applicationId) {
      return (await entities.application.get({ applicationId }).go()).data ?? undefined;
    },
    async ofApplicant(applicantId, request = {}) {
      return page(
        await entities.application.query
          .byApplicant({ applicantId })
          .go({ order: 'desc', limit: request.limit ?? 50, cursor: request.cursor ?? null }),
      );
    },
    async queue(state, request = {}) {
      return page(
        await entities.application.query
          .byQueue({ state })
          .go({ order: 'asc', limit: request.limit ?? 50, cursor: request.cursor ?? null }),
      );
    },
    create: (application) => tableWrite((e) => e.application.create(application).commit()),

    takeReviewLease: (app, lease) =>
      conditionally(() =>
        entities.application
          .patch({ applicationId: app.applicationId })
          .set({ reviewingBy: lease.staffId, reviewUntil: lease.until, version: app.version + 1 })
          .where(
            (a, op) =>
              `${op.eq(a.version, app.version)} AND ${op.eq(a.state, 'submitted')} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, lease.now)})`,
          )
          .go(),
      ),
    async releaseReviewLease(app) {
      await entities.application
        .patch({ applicationId: app.applicationId })
        .set({ version: app.version + 1 })
        .remove(['reviewingBy', 'reviewUntil'])
        .where((a, op) => op.eq(a.version, app.version))
        .go()
        .catch(() => undefined);
    },
    approve: (app, decision) =>
      tableWrite((e) =>
        e.application
          .patch({ applicationId: app.applicationId })
          .set({ state: 'approved', version: app.version + 1, ...decision })
          .remove(['reviewingBy', 'reviewUntil'])
          .where((a, op) => op.eq(a.version, app.version))
          .commit(),
      ),
    reject: (app, { now, ...decision }) =>
      tableWrite((e) =>
        e.application
          .patch({ applicationId: app.applicationId })
          .set({ state: 'rejected', version: app.version + 1, ...decision })
          .where((a, op) => `${op.eq(a.version, app.version)} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, now)})`)
          .commit(),
      ),
    markResubmitted: (app, resubmittedAs) =>
      tableWrite((e) =>
        e.application
          .patch({ applicationId: app.applicationId })
          .set({ resubmittedAs, version: app.version + 1 })
          .where((a, op) => `${op.eq(a.version, app.version)} AND ${op.eq(a.state, 'rejected')} AND ${op.notExists(a.resubmittedAs)}`)
          .commit(),
      ),
    withdraw: (app, { now, ...decision }) =>
      tableWrite((e) =>
        e.application
          .patch({ applicationId: app.applicationId })
          .set({ version: app.version + 1, ...decision })
          .where(
            (a, op) =>
              `${op.eq(a.version, app.version)} AND ${op.eq(a.state, 'submitted')} AND (${op.notExists(a.reviewUntil)} OR ${op.lt(a.reviewUntil, now)})`,
          )
          .commit(),
      ),
  };
}
