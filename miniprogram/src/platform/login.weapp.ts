import Taro from '@tarojs/taro';
import { PlatformError } from './errors';
import { requestPrivacyConsent } from './privacy-consent';
import type { LoginResult } from './types';

/** `wx.login`'s one-time code; the backend exchanges it for the user's openid. */
export async function login(): Promise<LoginResult> {
  await requestPrivacyConsent();
  try {
    const { code } = await Taro.login();
    return { code };
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '微信登录失败，请稍后重试', { cause });
  }
}
