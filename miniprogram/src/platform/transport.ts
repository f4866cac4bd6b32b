import Taro from '@tarojs/taro';
import type { Transport } from '@seal/shared/api';
import { apiUrl } from './api-url';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * How the shared API client's requests travel in the app: Taro.request, which is wx.request in
 * WeChat and fetch in the H5 build, so one file serves both platforms. It resolves with whatever
 * answer came back (the client turns statuses into values or ApiErrors) and rejects only when no
 * answer came. Files the user keeps (application forms, signed PDFs) go through `shareFile`.
 */
export const taroTransport: Transport<ArrayBuffer> = async ({ method, url, headers, json, bytes, expect }) => {
  const response = await Taro.request({
    url: apiUrl(url),
    method,
    // A JSON body as a value (Taro serialises it); a raw body (a PDF to verify) as its bytes.
    data: (bytes ?? json) as TaroGeneral.IAnyObject | ArrayBuffer | undefined,
    header: headers,
    dataType: 'json',
    ...(expect === 'bytes' ? { responseType: 'arraybuffer' as const } : {}),
    timeout: REQUEST_TIMEOUT_MS,
  });
  return { status: response.statusCode, data: response.data };
};
