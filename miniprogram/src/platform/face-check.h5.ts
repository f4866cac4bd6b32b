import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import type { FaceCheckResult, SimulatorHooks } from './types';

export const FACE_CHECK_SIMULATOR_PAGE = '/packages/simulator/face-check/index';

/** Simulated face check: the tester picks pass or fail (or the test hook does). */
export async function faceCheck(verifyId: string): Promise<FaceCheckResult> {
  await requestPrivacyConsent();
  const hooked = (window as SimulatorHooks).__sealTestFace;
  const outcome = hooked ?? (await awaitPageResult<'pass' | 'fail'>(FACE_CHECK_SIMULATOR_PAGE, { verifyId }));
  return { verifyId, simulatedOutcome: outcome };
}
