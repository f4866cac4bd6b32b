import Taro from '@tarojs/taro';
import { scaleForSystemFontSize } from './font-scale-rule';

/** On WeChat the text size follows the phone's system font size; there is no in-app setting. */
export const fontScaleAdjustable = false;

export function readFontScale(): number {
  try {
    // getAppBaseInfo replaces getSystemInfoSync from base library 2.20.1; keep the fallback for older ones.
    // WeChat's getAppBaseInfo does report fontSizeSetting; Taro's type leaves it out.
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeSetting?: number;
    };
    return scaleForSystemFontSize(info.fontSizeSetting);
  } catch {
    return 1;
  }
}

export function saveFontScale(_scale: number): void {
  // Follows the system setting; nothing to store.
}
