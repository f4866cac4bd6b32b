import { DomainError, authorize } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { notifier } from '../../composition/notifier';
import { createGrant } from '../../domain/grant/create-grant';
import { authorizeActionFor } from '../../domain/grant/grant-actions';
import { consumeFaceTicket, faceTarget } from '../../domain/identity/face-ticket';
import { tellGrantee } from '../../domain/notification/notices';

/** POST /v1/companies/{companyId}/grants — 在线授权 (face check for exactly this action and these seals). */
export const handler = defineHandler(routes.grantCreate, {
  ports: [notifier],
  async run(ctx) {
    const { params, body, services } = ctx;
    const now = services.now();
    const action = authorizeActionFor(body.role);
    const target = { companyId: params.companyId, sealIds: body.sealIds };
    const decision = authorize(await ctx.actor(), action, target);
    // Asked before anything is looked up: to someone with no rights, a seal that does not exist
    // and one of another company answer alike (createGrant checks the seals belong to the company).
    if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
    const grant = await createGrant(services.store, {
      companyId: params.companyId,
      role: body.role,
      sealIds: body.sealIds,
      grantee: body.grantee,
      medium: body.medium,
      grantorId: ctx.personId(),
      as: decision.as,
      now,
      prove: () => consumeFaceTicket(services.store, { ticketId: body.faceTicket, personId: ctx.personId(), action, target: faceTarget(target), now }),
    });
    await tellGrantee(services, grant, 'grant_received', now);
    return { status: 201, body: grant };
  },
});
