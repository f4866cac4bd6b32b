import { ApiError } from './errors';
import { networkError, readApiResponse } from './api-response';

function rejection(status: number, data: unknown): ApiError {
  try {
    readApiResponse(status, data);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('readApiResponse', () => {
  it('hands back the JSON body of a 2xx answer', () => {
    expect(readApiResponse(200, { seals: [] })).toEqual({ seals: [] });
    expect(readApiResponse(201, [1, 2])).toEqual([1, 2]);
  });

  it('accepts an empty 204 answer', () => {
    expect(readApiResponse(204, null)).toBeUndefined();
  });

  it('refuses a 2xx answer that is not JSON rather than resolving with a string', () => {
    const err = rejection(200, '<html>gateway page</html>');
    expect(err).toMatchObject({ status: 200, code: 'BAD_RESPONSE' });
    expect(err.message).toMatch(/无法识别/);
  });

  it('carries the code and message the API sent', () => {
    const err = rejection(409, { code: 'SEAL_FROZEN', message: '印章已冻结，不能签章' });
    expect(err).toMatchObject({ name: 'ApiError', status: 409, code: 'SEAL_FROZEN', message: '印章已冻结，不能签章' });
    expect(err.body).toEqual({ code: 'SEAL_FROZEN', message: '印章已冻结，不能签章' });
  });

  it('reads an error nested under `error`', () => {
    expect(rejection(403, { error: { code: 'NOT_AUTHORIZED', message: '无权操作该印章' } })).toMatchObject({
      code: 'NOT_AUTHORIZED',
      message: '无权操作该印章',
    });
  });

  it('falls back to a Chinese message by status when the body says nothing', () => {
    expect(rejection(401, null)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' });
    expect(rejection(429, '')).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('treats a proxy error page as a server error', () => {
    expect(rejection(502, '<html>Bad Gateway</html>')).toMatchObject({
      status: 502,
      code: 'SERVER_ERROR',
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('fills in only the half of the body that is missing', () => {
    expect(rejection(400, { code: 'INVALID_CREDIT_CODE' })).toMatchObject({
      code: 'INVALID_CREDIT_CODE',
      message: '请求内容有误，请检查后重试',
    });
    expect(rejection(418, { message: '茶壶' })).toMatchObject({ code: 'REQUEST_FAILED', message: '茶壶' });
  });
});

describe('networkError', () => {
  it('is an ApiError with status 0 that keeps the cause', () => {
    const cause = new TypeError('Failed to fetch');
    expect(networkError(cause)).toMatchObject({ status: 0, code: 'NETWORK_ERROR', cause });
  });
});
