import Taro from '@tarojs/taro';

/** The window's width in px (CSS pixels), as MovableArea sizes are given. */
export function windowWidth(): number {
  try {
    return Taro.getWindowInfo().windowWidth;
  } catch {
    return Taro.getSystemInfoSync().windowWidth;
  }
}
