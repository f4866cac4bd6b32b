import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroStub, setRouterParams } from '../../../../test/taro-stub';
import { answerPrivacyPrompt, login } from '../../../platform';
import LoginSimulatorPage from './index';

const people = [
  { key: 'lr-xinghe', name: '张三', idNumber: '440300199001011234', note: '星河公司法定代表人', code: 'sim:lr-xinghe' },
  { key: 'holder', name: '王五', idNumber: '440300199202021234', note: '印章持有人', code: 'sim:holder' },
];

beforeEach(() => resetTaroStub());

describe('login simulator', () => {
  it('lists the local test people and answers the waiting login with the one tapped', async () => {
    const pending = login();
    answerPrivacyPrompt('agree');
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    const url = jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url ?? '';
    setRouterParams({ resultId: new URLSearchParams(url.split('?')[1]).get('resultId') ?? undefined });
    jest.mocked(Taro.request).mockResolvedValue({ statusCode: 200, data: { people } } as never);

    const page = render(<LoginSimulatorPage />);
    fireEvent.click(await screen.findByRole('button', { name: '王五（印章持有人）' }));
    expect(Taro.navigateBack).toHaveBeenCalled();
    page.unmount(); // closed: the choice reaches the waiting login

    await expect(pending).resolves.toEqual({ code: 'sim:holder' });
    expect(jest.mocked(Taro.request).mock.calls[0]?.[0].url).toBe('/v1/dev/test-identities');
  });

  it('says so when the stack offers no test identities (production)', async () => {
    setRouterParams({ resultId: 'r-none' });
    jest
      .mocked(Taro.request)
      .mockResolvedValue({ statusCode: 403, data: { code: 'PRODUCTION_FORBIDDEN', message: '生产环境不提供测试身份' } } as never);
    render(<LoginSimulatorPage />);
    expect(await screen.findByText('生产环境不提供测试身份')).toBeTruthy();
  });
});
