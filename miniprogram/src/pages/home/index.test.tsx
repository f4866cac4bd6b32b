import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroStub } from '../../../test/taro-stub';
import HomePage from './index';

const taroRequest = jest.mocked(Taro.request);
const allUp = { status: 'ok', services: { dynamodb: { up: true }, s3: { up: true }, kms: { up: true } } };

beforeEach(() => resetTaroStub());

describe('home page', () => {
  it('shows a loading line, then every service as normal', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: allUp } as never);
    render(<HomePage />);
    expect(screen.getByText('正在获取平台状态…')).toBeTruthy();
    expect(await screen.findByText('运行正常')).toBeTruthy();
    for (const label of ['业务数据库', '文件存储', '密钥管理']) expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getAllByText('正常')).toHaveLength(3);
  });

  it('names the service that is down when the platform is degraded', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 503,
      data: { status: 'degraded', services: { dynamodb: { up: true }, s3: { up: false }, kms: { up: true } } },
    } as never);
    render(<HomePage />);
    expect(await screen.findByText('部分服务异常')).toBeTruthy();
    expect(screen.getByText('不可用')).toBeTruthy();
    expect(screen.getByText('部分业务可能暂时无法办理')).toBeTruthy();
  });

  it('shows the error and loads again on retry', async () => {
    taroRequest
      .mockResolvedValueOnce({ statusCode: 500, data: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } } as never)
      .mockResolvedValueOnce({ statusCode: 200, data: allUp } as never);
    render(<HomePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新获取' }));
    expect(await screen.findByText('运行正常')).toBeTruthy();
    expect(taroRequest).toHaveBeenCalledTimes(2);
  });

  it('says the network is down when the API cannot be reached', async () => {
    taroRequest.mockRejectedValue(new TypeError('Failed to fetch'));
    render(<HomePage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  });
});
