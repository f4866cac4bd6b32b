import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { fetchPlatformHealth, listServices } from './health';

const taroRequest = jest.mocked(Taro.request);
beforeEach(() => resetTaroStub());

describe('platform health', () => {
  it('reads the report from GET /v1/health', async () => {
    const report = { status: 'ok', services: { dynamodb: { up: true }, s3: { up: true }, kms: { up: true } } };
    taroRequest.mockResolvedValue({ statusCode: 200, data: report } as never);
    await expect(fetchPlatformHealth()).resolves.toEqual(report);
    expect(taroRequest.mock.calls[0]?.[0].url).toBe('/v1/health');
  });

  it('treats a 503 carrying a degraded report as a result, not a failure', async () => {
    const report = { status: 'degraded', services: { dynamodb: { up: true }, s3: { up: false }, kms: { up: true } } };
    taroRequest.mockResolvedValue({ statusCode: 503, data: report } as never);
    await expect(fetchPlatformHealth()).resolves.toEqual(report);
  });

  it('fails on a 503 without a report', async () => {
    taroRequest.mockResolvedValue({ statusCode: 503, data: null } as never);
    await expect(fetchPlatformHealth()).rejects.toMatchObject({ status: 503, code: 'SERVER_ERROR' });
  });

  it('refuses a body that is not a health report', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: { hello: 'world' } } as never);
    await expect(fetchPlatformHealth()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('lists the known services first, in Chinese, then any new ones', () => {
    const services = listServices({
      status: 'degraded',
      services: { search: { up: true }, kms: { up: false }, dynamodb: { up: true } },
    });
    expect(services).toEqual([
      { key: 'dynamodb', label: '业务数据库', up: true },
      { key: 'kms', label: '密钥管理', up: false },
      { key: 'search', label: 'search', up: true },
    ]);
  });
});
