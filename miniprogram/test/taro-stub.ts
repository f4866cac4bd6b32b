// A stand-in for @tarojs/taro in jest: device APIs are jest.fn()s a test can program, storage is
// an in-memory map, and the page hooks run the way a test needs them.
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string | undefined> = {};

export function resetTaroStub(): void {
  storage.clear();
  routerParams = {};
  jest.clearAllMocks();
}

export function setRouterParams(params: Record<string, string | undefined>): void {
  routerParams = params;
}

const Taro = {
  request: jest.fn(),
  login: jest.fn(),
  scanCode: jest.fn(),
  chooseMessageFile: jest.fn(),
  downloadFile: jest.fn(),
  shareFileMessage: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  getFileSystemManager: jest.fn(),
  getAppBaseInfo: jest.fn(),
  getSystemInfoSync: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' })),
  switchTab: jest.fn(() => Promise.resolve({ errMsg: 'switchTab:ok' })),
  redirectTo: jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' })),
  showToast: jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
};

export function useRouter(): { params: Record<string, string | undefined> } {
  return { params: routerParams };
}

export function useUnload(callback: () => void): void {
  useEffect(() => callback, []);
}

export function useDidShow(callback: () => void): void {
  useEffect(() => callback(), []);
}

export function useLaunch(callback: () => void): void {
  useEffect(() => callback(), []);
}

export default Taro;
