import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import { simulatedLoginCode } from './test-identities';
import type { LoginResult, SimulatorHooks } from './types';

export const LOGIN_SIMULATOR_PAGE = '/packages/simulator/login/index';

/** A simulated code naming a test identity: from the test hook, or chosen on the simulator screen. */
export async function login(): Promise<LoginResult> {
  await requestPrivacyConsent();
  const hooked = (window as SimulatorHooks).__sealTestIdentity;
  const identityId = hooked ?? (await awaitPageResult<string>(LOGIN_SIMULATOR_PAGE));
  return { code: simulatedLoginCode(identityId) };
}
