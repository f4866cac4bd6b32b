import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import { simulatedLoginCode } from './test-identities';
import type { LoginResult } from './types';

export const LOGIN_SIMULATOR_PAGE = '/packages/simulator/login/index';

/** A simulated code naming the test identity chosen on the simulator screen. */
export async function login(): Promise<LoginResult> {
  await requestPrivacyConsent();
  const identityId = await awaitPageResult<string>(LOGIN_SIMULATOR_PAGE);
  return { code: simulatedLoginCode(identityId) };
}
