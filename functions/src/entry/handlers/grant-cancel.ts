import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { notifier } from '../../composition/notifier';
import { cancelGrant, getGrant } from '../../domain/grant/cancel-grant';
import { cancelActionFor } from '../../domain/grant/grant-actions';
import { tellGrantee } from '../../domain/notification/notices';

/** POST /v1/companies/{companyId}/grants/{grantId}/cancel — 在线取消: takes effect at once. */
export const handler = defineHandler(routes.grantCancel, {
  ports: [notifier],
  async run(ctx) {
    const { params, services } = ctx;
    const grant = await getGrant(services.store, params.companyId, params.grantId);
    const decision = authorize(await ctx.actor(), cancelActionFor(grant.role), { companyId: grant.companyId, sealIds: grant.sealIds });
    if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
    const now = services.now();
    const cancelled = await cancelGrant(services.store, {
      companyId: params.companyId,
      grantId: params.grantId,
      actorId: ctx.personId(),
      as: decision.as,
      now,
    });
    await tellGrantee(services, cancelled, 'grant_cancelled', now);
    return { body: cancelled };
  },
});
