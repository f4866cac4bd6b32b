import { PlatformError } from './errors';
import { awaitPageResult } from './page-result';
import { requestPrivacyConsent } from './privacy-consent';
import type { ScanResult } from './types';

export const SCAN_SIMULATOR_PAGE = '/packages/simulator/scan/index';

/** Browsers have no scanner here: the QR code's content is pasted on the simulator screen. */
export async function scanCode(): Promise<ScanResult> {
  await requestPrivacyConsent();
  const payload = await awaitPageResult<string>(SCAN_SIMULATOR_PAGE);
  if (payload.trim() === '') throw new PlatformError('CANCELLED', '未识别到二维码内容');
  return { payload: payload.trim() };
}
