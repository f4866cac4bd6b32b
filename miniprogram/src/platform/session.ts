import Taro from '@tarojs/taro';

// The API session token lives in device storage. It is never logged: callers get it only to put
// it in the Authorization header.
const SESSION_KEY = 'seal.session';

export function readSessionToken(): string | undefined {
  const value: unknown = Taro.getStorageSync(SESSION_KEY);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(SESSION_KEY, token);
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(SESSION_KEY);
}
