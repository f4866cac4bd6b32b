import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroStub, setRouterParams } from '../../../../test/taro-stub';
import { answerPrivacyPrompt, login } from '../../../platform';
import LoginSimulatorPage from './index';

beforeEach(() => resetTaroStub());

describe('login simulator', () => {
  it('answers the waiting login with the identity the tester taps, then closes', async () => {
    const pending = login();
    answerPrivacyPrompt('agree');
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    const url = jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url ?? '';
    setRouterParams({ resultId: new URLSearchParams(url.split('?')[1]).get('resultId') ?? undefined });

    render(<LoginSimulatorPage />);
    fireEvent.click(screen.getByRole('button', { name: '王五（印章持有人）' }));

    await expect(pending).resolves.toEqual({ code: 'sim:seal-holder' });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});
