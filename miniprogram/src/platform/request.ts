import Taro from '@tarojs/taro';
import { networkError, readApiResponse } from './api-response';
import { apiUrl } from './api-url';
import { readSessionToken } from './session';
import type { ApiRequest } from './types';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Calls the platform API. Resolves with the parsed JSON of a 2xx answer; rejects with an ApiError
 * `{ status, code, message }` on any other status, an unreadable body or a network failure.
 */
export async function request<T>({ path, method = 'GET', query, body, headers }: ApiRequest): Promise<T> {
  const token = readSessionToken();
  const header: Record<string, string> = { Accept: 'application/json', ...headers };
  if (token) header.Authorization = `Bearer ${token}`;
  // A caller sending raw bytes (a PDF to verify) names its own content type.
  if (body !== undefined && !header['Content-Type']) header['Content-Type'] = 'application/json';

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: apiUrl(path, query),
      method,
      data: body as TaroGeneral.IAnyObject | undefined,
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (cause) {
    throw networkError(cause);
  }
  return readApiResponse<T>(response.statusCode, response.data);
}
