import Taro from '@tarojs/taro';
import * as routes from '@seal/shared/routes';
import { resetTaroStub } from '../../test/taro-stub';
import { ApiError } from './errors';
import { call } from './api';
import { saveSessionToken } from './session';

const taroRequest = jest.mocked(Taro.request);

beforeEach(() => resetTaroStub());

describe('the API over Taro.request', () => {
  it('resolves with the JSON body of a 2xx answer', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: { status: 'ok', services: {} } } as never);
    await expect(call(routes.health)).resolves.toEqual({ status: 'ok', services: {} });
    expect(taroRequest).toHaveBeenCalledWith(expect.objectContaining({ url: '/v1/health', method: 'GET', dataType: 'json' }));
  });

  it('rejects with a typed ApiError on a non-2xx answer', async () => {
    taroRequest.mockResolvedValue({ statusCode: 423, data: { code: 'PIN_LOCKED', message: '签章密码连续错误次数过多，已锁定30分钟' } } as never);
    const failure = call(routes.signDocument, { params: { documentId: 'd1' }, body: { sealId: 's1', pin: '000000', crossPage: true } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 423, code: 'PIN_LOCKED', message: '签章密码连续错误次数过多，已锁定30分钟' });
  });

  it('rejects with NETWORK_ERROR when the server cannot be reached', async () => {
    taroRequest.mockRejectedValue({ errMsg: 'request:fail timeout' });
    await expect(call(routes.health)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('never resolves with a string body', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: 'OK' } as never);
    await expect(call(routes.health)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('sends the session token, the query and a JSON body', async () => {
    saveSessionToken('session-abc');
    taroRequest.mockResolvedValue({ statusCode: 200, data: { items: [] } } as never);
    await call(routes.listMyApplications, { query: { limit: 5 } });
    await call(routes.renewSeals, { params: { companyId: '91440300MA5XXXXX0X' }, body: { faceTicket: 'ft_1', sealIds: ['s1'] } });
    expect(taroRequest.mock.calls.map(([r]) => r)).toEqual([
      expect.objectContaining({ url: '/v1/applications/mine?limit=5', method: 'GET', header: expect.objectContaining({ Authorization: 'Bearer session-abc' }) }),
      expect.objectContaining({
        url: '/v1/companies/91440300MA5XXXXX0X/seals/renew',
        method: 'POST',
        data: { faceTicket: 'ft_1', sealIds: ['s1'] },
        header: expect.objectContaining({ Authorization: 'Bearer session-abc', 'Content-Type': 'application/json' }),
      }),
    ]);
  });

  it('sends a PDF to verify as its bytes, and no Authorization header before login', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: { verdict: 'valid' } } as never);
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer;
    await call(routes.verifyDocument, { body: { bytes: pdf, contentType: 'application/pdf' } });
    const sent = taroRequest.mock.calls[0]![0];
    expect(sent).toMatchObject({ url: '/v1/verify', method: 'POST', data: pdf, header: { 'Content-Type': 'application/pdf' } });
    expect(sent.header).not.toHaveProperty('Authorization');
  });
});
