import { ApiError } from './errors';

// Fallback wording when the API (or a proxy in front of it) sends no `{ code, message }` body.
const fallbackByStatus: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求内容有误，请检查后重试' },
  401: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  403: { code: 'NOT_AUTHORIZED', message: '您没有权限进行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的内容不存在' },
  409: { code: 'CONFLICT', message: '数据已被更新，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大，请压缩后重试' },
  429: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后重试' },
};
const serverFallback = { code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后重试' };
const clientFallback = { code: 'REQUEST_FAILED', message: '请求失败，请稍后重试' };

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Reads `{ code, message }`, also when nested as `{ error: { code, message } }`. */
function errorBody(data: unknown): { code?: string; message?: string } {
  if (data === null || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const inner = record.error !== null && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : record;
  return { code: nonEmptyString(inner.code), message: nonEmptyString(inner.message) };
}

/**
 * Turns a finished HTTP exchange into the caller's value or an ApiError. A 2xx answer must carry
 * a JSON object or array (204 may be empty); anything else is refused rather than handed to a page
 * as a string.
 */
export function readApiResponse<T>(status: number, data: unknown): T {
  if (status >= 200 && status < 300) {
    if (status === 204) return undefined as T;
    if (data !== null && typeof data === 'object') return data as T;
    throw new ApiError(status, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后重试');
  }
  const fallback = fallbackByStatus[status] ?? (status >= 500 ? serverFallback : clientFallback);
  const body = errorBody(data);
  throw new ApiError(status, body.code ?? fallback.code, body.message ?? fallback.message, { body: data });
}

/** The request never got an HTTP answer (offline, DNS, TLS, timeout). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试', { cause });
}
