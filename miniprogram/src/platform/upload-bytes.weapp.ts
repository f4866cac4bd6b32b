import Taro from '@tarojs/taro';
import { PlatformError } from './errors';
import type { UploadRequest } from './types';

/**
 * PUTs the bytes to a presigned storage URL. wx.uploadFile only POSTs multipart forms, which a
 * presigned PUT refuses; wx.request sends an ArrayBuffer body as is.
 */
export async function uploadBytes({ url, bytes, headers }: UploadRequest): Promise<void> {
  let statusCode: number;
  try {
    ({ statusCode } = await Taro.request({ url, method: 'PUT', data: bytes, header: headers, responseType: 'text', dataType: '其他' }));
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件上传失败，请检查网络后重试', { cause });
  }
  if (statusCode < 200 || statusCode >= 300) throw new PlatformError('DEVICE_ERROR', `文件上传失败（${statusCode}），请重试`);
}
