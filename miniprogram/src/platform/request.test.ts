import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { ApiError } from './errors';
import { request } from './request';
import { saveSessionToken } from './session';

const taroRequest = jest.mocked(Taro.request);

beforeEach(() => resetTaroStub());

describe('request', () => {
  it('resolves with the JSON body of a 2xx answer', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: { status: 'ok' } } as never);
    await expect(request({ path: '/v1/health' })).resolves.toEqual({ status: 'ok' });
    expect(taroRequest).toHaveBeenCalledWith(expect.objectContaining({ url: '/v1/health', method: 'GET', dataType: 'json' }));
  });

  it('rejects with a typed ApiError on a non-2xx answer', async () => {
    taroRequest.mockResolvedValue({ statusCode: 423, data: { code: 'PIN_LOCKED', message: '签章密码错误次数过多，已锁定' } } as never);
    const failure = request({ path: '/v1/credentials/c1/sign', method: 'POST', body: {} });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 423, code: 'PIN_LOCKED', message: '签章密码错误次数过多，已锁定' });
  });

  it('rejects with NETWORK_ERROR when the server cannot be reached', async () => {
    taroRequest.mockRejectedValue({ errMsg: 'request:fail timeout' });
    await expect(request({ path: '/v1/health' })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('never resolves with a string body', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: 'OK' } as never);
    await expect(request({ path: '/v1/health' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('sends the session token and a JSON body', async () => {
    saveSessionToken('session-abc');
    taroRequest.mockResolvedValue({ statusCode: 201, data: { id: 'a1' } } as never);
    await request({ path: '/v1/applications', method: 'POST', body: { kind: 'apply' }, query: { dryRun: true } });
    expect(taroRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/v1/applications?dryRun=true',
        method: 'POST',
        data: { kind: 'apply' },
        header: expect.objectContaining({ Authorization: 'Bearer session-abc', 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('sends no Authorization header before login', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: {} } as never);
    await request({ path: '/v1/health' });
    expect(taroRequest.mock.calls[0]?.[0].header).not.toHaveProperty('Authorization');
  });
});
