import Taro from '@tarojs/taro';
import { apiUrl } from './api-url';
import { isWeChatCancel, PlatformError } from './errors';
import { readSessionToken } from './session';
import type { SharedFile } from './types';

/** Downloads the file, then hands it to WeChat's "send to chat" sheet. */
export async function shareFile({ name, url }: SharedFile): Promise<void> {
  // Our session goes to our API only: a presigned storage URL carries its own signature, and S3
  // refuses a request that also has an Authorization header.
  const token = url.startsWith('/') ? readSessionToken() : undefined;
  let filePath: string;
  try {
    const downloaded = await Taro.downloadFile({
      url: apiUrl(url),
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (downloaded.statusCode < 200 || downloaded.statusCode >= 300) throw new Error(`HTTP ${downloaded.statusCode}`);
    filePath = downloaded.tempFilePath;
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件下载失败，请稍后重试', { cause });
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName: name });
  } catch (cause) {
    if (isWeChatCancel(cause)) throw new PlatformError('CANCELLED', '已取消发送', { cause });
    throw new PlatformError('DEVICE_ERROR', '文件发送失败，请重试', { cause });
  }
}
