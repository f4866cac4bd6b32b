import Taro from '@tarojs/taro';
import { isWeChatCancel, PlatformError } from './errors';
import { requestPrivacyConsent } from './privacy-consent';
import type { ScanResult } from './types';

/** Opens WeChat's camera scanner for a QR code (desktop login, signing confirmation). */
export async function scanCode(): Promise<ScanResult> {
  await requestPrivacyConsent();
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return { payload: result };
  } catch (cause) {
    if (isWeChatCancel(cause)) throw new PlatformError('CANCELLED', '已取消扫码', { cause });
    throw new PlatformError('DEVICE_ERROR', '扫码失败，请重试', { cause });
  }
}
