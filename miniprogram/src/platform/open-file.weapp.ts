import Taro from '@tarojs/taro';
import { apiUrl } from './api-url';
import { PlatformError } from './errors';
import type { SharedFile } from './types';

/** Downloads a PDF from our API (wx.downloadFile) and opens it in WeChat's viewer (wx.openDocument), whence it can be saved or sent. */
export async function openFile({ url }: SharedFile): Promise<void> {
  let filePath: string;
  try {
    const downloaded = await Taro.downloadFile({ url: apiUrl(url) });
    if (downloaded.statusCode < 200 || downloaded.statusCode >= 300) throw new Error(`HTTP ${downloaded.statusCode}`);
    filePath = downloaded.tempFilePath;
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件下载失败，请稍后重试', { cause });
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件无法打开，请稍后重试', { cause });
  }
}
