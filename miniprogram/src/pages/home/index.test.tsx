import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroStub } from '../../../test/taro-stub';
import HomePage from './index';

const taroRequest = jest.mocked(Taro.request);
const allUp = { status: 'ok', stage: 'local', version: 'dev', time: '2026-12-03T10:00:00.000Z' };

beforeEach(() => resetTaroStub());

describe('home page', () => {
  it('says nothing about the platform’s inner services while all is well', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: allUp } as never);
    render(<HomePage />);
    await waitFor(() => expect(taroRequest).toHaveBeenCalled());
    expect(await screen.findByText('文档验证')).toBeTruthy();
    for (const word of ['业务数据库', '文件存储', '密钥管理', 'DynamoDB', 'KMS', '平台运行状态']) expect(screen.queryByText(word)).toBeNull();
  });

  it('tells the public in plain words when the platform does not answer, naming no service', async () => {
    taroRequest.mockResolvedValue({ statusCode: 503, data: null } as never);
    render(<HomePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('文件存储')).toBeNull();
  });

  it('shows the error and loads again on retry', async () => {
    taroRequest
      .mockResolvedValueOnce({ statusCode: 500, data: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } } as never)
      .mockResolvedValueOnce({ statusCode: 200, data: allUp } as never);
    render(<HomePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新获取' }));
    await waitFor(() => expect(screen.queryByText('服务暂时不可用，请稍后重试')).toBeNull());
    expect(taroRequest).toHaveBeenCalledTimes(2);
  });

  it('says the network is down when the API cannot be reached', async () => {
    taroRequest.mockRejectedValue(new TypeError('Failed to fetch'));
    render(<HomePage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  });
});
