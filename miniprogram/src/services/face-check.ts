import type { Action } from '@seal/shared/domain';
import type { identityDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call, faceCheck } from '../platform';

/**
 * 人脸核验 for one action on one target: start it on the server, run it on the phone, report
 * the outcome. Resolves with the passed ticket id, which the action's request carries as
 * `faceTicket`; a failed check rejects with the API's FACE_CHECK_FAILED.
 */
export async function passFaceCheck(action: Action, target: identityDto.FaceCheckTarget): Promise<string> {
  const started = await call(routes.faceCheckStart, { body: { action, target } });
  const outcome = await faceCheck({ verifyId: started.verifyId, personName: started.identity.name });
  await call(routes.faceCheckResult, {
    params: { ticketId: started.ticketId },
    body: outcome.simulatedOutcome ? { passed: outcome.simulatedOutcome === 'pass' } : {},
  });
  return started.ticketId;
}
