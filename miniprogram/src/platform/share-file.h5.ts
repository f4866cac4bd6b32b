import { apiUrl } from './api-url';
import { PlatformError } from './errors';
import { readSessionToken } from './session';
import type { SharedFile } from './types';

/** Browsers cannot send to a chat: the file is downloaded instead. */
export async function shareFile({ name, url }: SharedFile): Promise<void> {
  // Our session goes to our API only: a presigned storage URL carries its own signature, and S3
  // refuses a request that also has an Authorization header.
  const token = url.startsWith('/') ? readSessionToken() : undefined;
  let blob: Blob;
  try {
    const response = await fetch(apiUrl(url), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    blob = await response.blob();
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '文件下载失败，请稍后重试', { cause });
  }
  const objectUrl = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = objectUrl;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
