import { PlatformError } from './errors';
import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import type { ScanResult, SimulatorHooks } from './types';

export const SCAN_SIMULATOR_PAGE = '/packages/simulator/scan/index';

/** Browsers have no scanner here: the payload comes from the test hook or is pasted on a screen. */
export async function scanCode(): Promise<ScanResult> {
  await requestPrivacyConsent();
  const hook = (window as SimulatorHooks).__sealTestScan;
  const payload =
    hook === undefined ? await awaitPageResult<string>(SCAN_SIMULATOR_PAGE) : typeof hook === 'function' ? await hook() : hook;
  if (payload.trim() === '') throw new PlatformError('CANCELLED', '未识别到二维码内容');
  return { payload: payload.trim() };
}
