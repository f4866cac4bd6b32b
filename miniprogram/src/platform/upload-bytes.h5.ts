import { PlatformError } from './errors';
import type { UploadRequest } from './types';

/** PUTs the bytes to a presigned storage URL with exactly the headers it was signed for. */
export async function uploadBytes({ url, bytes, headers }: UploadRequest): Promise<void> {
  // Browsers set Content-Length themselves and refuse to be told it (a forbidden header).
  const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', body: bytes, headers: sent });
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件上传失败，请检查网络后重试', { cause });
  }
  if (!response.ok) throw new PlatformError('DEVICE_ERROR', `文件上传失败（${response.status}），请重试`);
}
