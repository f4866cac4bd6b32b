import Taro from '@tarojs/taro';
import { PlatformError } from './errors';

// Lets a caller open a page and await what the user chose there (H5 simulators of WeChat's own
// screens). The page settles the result; leaving it without choosing counts as a cancel.
interface Waiter {
  resolve: (value: unknown) => void;
  reject: (reason: PlatformError) => void;
}

const waiters = new Map<string, Waiter>();
let sequence = 0;

export function awaitPageResult<T>(pageUrl: string, params: Record<string, string> = {}): Promise<T> {
  sequence += 1;
  const resultId = `r${sequence}`;
  const query = Object.entries({ ...params, resultId })
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return new Promise<T>((resolve, reject) => {
    waiters.set(resultId, { resolve: resolve as (value: unknown) => void, reject });
    Taro.navigateTo({ url: `${pageUrl}?${query}` }).catch((cause: unknown) => {
      waiters.delete(resultId);
      reject(new PlatformError('DEVICE_ERROR', '页面打开失败，请重试', { cause }));
    });
  });
}

/** The page reports the user's choice. Returns false when nobody waits any more. */
export function settlePageResult(resultId: string, value: unknown): boolean {
  const waiter = waiters.get(resultId);
  if (!waiter) return false;
  waiters.delete(resultId);
  waiter.resolve(value);
  return true;
}

/** The page closed without a choice; a waiter still pending is told the user cancelled. */
export function abandonPageResult(resultId: string): void {
  const waiter = waiters.get(resultId);
  if (!waiter) return;
  waiters.delete(resultId);
  waiter.reject(new PlatformError('CANCELLED', '操作已取消'));
}
