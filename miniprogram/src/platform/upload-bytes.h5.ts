import { PlatformError } from './errors';
import type { UploadRequest } from './types';

/** PUTs the bytes to a presigned storage URL with exactly the headers it was signed for. */
export async function uploadBytes({ url, bytes, headers }: UploadRequest): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: bytes, headers });
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件上传失败，请检查网络后重试', { cause });
  }
  if (!response.ok) throw new PlatformError('DEVICE_ERROR', `文件上传失败（${response.status}），请重试`);
}
