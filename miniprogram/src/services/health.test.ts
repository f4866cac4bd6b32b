import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { fetchPlatformHealth } from './health';

const taroRequest = jest.mocked(Taro.request);
beforeEach(() => resetTaroStub());

describe('platform health', () => {
  it('reads the liveness answer from GET /v1/health', async () => {
    const answer = { status: 'ok', stage: 'local', version: 'dev', time: '2026-12-03T10:00:00.000Z' };
    taroRequest.mockResolvedValue({ statusCode: 200, data: answer } as never);
    await expect(fetchPlatformHealth()).resolves.toEqual(answer);
    expect(taroRequest.mock.calls[0]?.[0].url).toBe('/v1/health');
  });

  it('fails on a 503', async () => {
    taroRequest.mockResolvedValue({ statusCode: 503, data: null } as never);
    await expect(fetchPlatformHealth()).rejects.toMatchObject({ status: 503, code: 'SERVER_ERROR' });
  });

  it('refuses a body that is not a liveness answer', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: { hello: 'world' } } as never);
    await expect(fetchPlatformHealth()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
