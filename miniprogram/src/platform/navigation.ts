import Taro from '@tarojs/taro';

// Page navigation, kept here so pages stay free of Taro calls.

export function openPage(url: string): Promise<unknown> {
  return Taro.navigateTo({ url });
}

export function goBack(): Promise<unknown> {
  return Taro.navigateBack({ delta: 1 });
}

export function openTab(url: string): Promise<unknown> {
  return Taro.switchTab({ url });
}

/** Brief native toast for a one-line message (errors after a user action, confirmations). */
export function showToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

/** Replaces the current page (a submitted form gives way to its result). */
export function replacePage(url: string): Promise<unknown> {
  return Taro.redirectTo({ url });
}
