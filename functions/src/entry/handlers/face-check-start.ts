import { DomainError, authorize, type Action } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { idNumbers } from '../../composition/id-numbers';
import { faceVerifier } from '../../composition/face-verifier';
import { registry } from '../../composition/registry';
import { startFaceCheck } from '../../domain/identity/face-check';
import { faceTarget } from '../../domain/identity/face-ticket';
import { personAsFaceSubject } from '../../domain/identity/person-face-check';
import { sealsOfCompany } from '../../domain/identity/seal-scope';
import { approvalAction, challengeFaceTarget, effectiveState, getChallenge, notPendingError } from '../../domain/challenge/challenge-rules';
import { assertMayApprove } from '../../domain/challenge/approve-challenge';
import { assertOnlineApplyOpen } from '../../domain/application/online-apply-check';

/**
 * POST /v1/face-checks — start the 人脸核验 an action demands. Refused early when the caller may not
 * take the action on that target at all; the ticket is bound to (person, action, target).
 */
export const handler = defineHandler(routes.faceCheckStart, {
  ports: [idNumbers, faceVerifier, registry],
  async run(ctx) {
    const { body, services } = ctx;
    const action = body.action as Action;
    const actor = await ctx.actor();
    // Phone login has its own face check; a session asks for `session.login` only to approve a QR login.
    if (action === 'session.login' && !body.target.challengeId) throw new DomainError('NOT_AUTHORIZED', '登录请使用微信登录');
    let target: string;
    let companyId: string | undefined;
    if (body.target.challengeId) {
      const challenge = await getChallenge(services.store, body.target.challengeId);
      if (approvalAction(challenge.purpose) !== action) throw new DomainError('VALIDATION_FAILED', '人脸核验的业务与二维码不符');
      const state = effectiveState(challenge, services.now());
      if (state !== 'pending') throw notPendingError(state);
      assertMayApprove(challenge, actor);
      target = challengeFaceTarget(challenge.challengeId);
      companyId = challenge.summary.companyId;
    } else {
      const { sealIds } = body.target;
      companyId = body.target.companyId;
      if (sealIds?.length && !companyId) throw new DomainError('VALIDATION_FAILED', '请选择企业');
      // Asked before any seal is looked up: to someone with no rights, a seal that does not exist and
      // one of another company answer alike (issue #15).
      const decision = authorize(actor, action, { companyId, sealIds });
      if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
      if (companyId && sealIds?.length) await sealsOfCompany(services.store, companyId, sealIds);
      if (decision.proof !== 'face') throw new DomainError('VALIDATION_FAILED', '该业务无需人脸核验');
      if (action === 'seal.apply_online' && companyId) await assertOnlineApplyOpen(services, companyId, ctx.personId());
      target = faceTarget({ companyId, sealIds });
    }
    const who = await personAsFaceSubject(services, ctx.personId(), companyId);
    return { status: 201, body: await startFaceCheck(services, who, action, target) };
  },
});
