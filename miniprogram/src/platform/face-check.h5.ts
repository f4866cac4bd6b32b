import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import type { FaceCheckRequest, FaceCheckResult } from './types';

export const FACE_CHECK_SIMULATOR_PAGE = '/packages/simulator/face-check/index';

/**
 * Simulated face check: the tester picks pass or fail on the simulator page, as a person would on
 * WeChat's own screen. The caller reports it to the backend as `passed: simulatedOutcome === 'pass'`,
 * which only the simulated mode accepts.
 */
export async function faceCheck({ verifyId, personName }: FaceCheckRequest): Promise<FaceCheckResult> {
  await requestPrivacyConsent();
  const params: Record<string, string> = {};
  if (personName) params.personName = personName;
  const outcome = await awaitPageResult<'pass' | 'fail'>(FACE_CHECK_SIMULATOR_PAGE, params);
  return verifyId ? { verifyId, simulatedOutcome: outcome } : { simulatedOutcome: outcome };
}
