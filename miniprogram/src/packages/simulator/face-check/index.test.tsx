import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroStub, setRouterParams } from '../../../../test/taro-stub';
import { answerPrivacyPrompt, faceCheck } from '../../../platform';
import FaceCheckSimulatorPage from './index';

beforeEach(() => resetTaroStub());

describe('face-check simulator', () => {
  it('hands the outcome back only once the page has closed, so the caller resumes on its own page', async () => {
    const pending = faceCheck({ personName: '李娜' });
    answerPrivacyPrompt('agree');
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    const url = jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url ?? '';
    setRouterParams({ ...Object.fromEntries(new URLSearchParams(url.split('?')[1])) });
    let settled = false;
    void pending.then(() => (settled = true));

    const page = render(<FaceCheckSimulatorPage />);
    expect(screen.getByText('模拟核验“李娜”本人，请选择核验结果。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '核验通过' }));
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);

    page.unmount(); // the router unloads the page at the end of its slide-out
    await expect(pending).resolves.toEqual({ simulatedOutcome: 'pass' });
  });

  it('reports a cancel when the page is closed without a choice', async () => {
    const pending = faceCheck({});
    answerPrivacyPrompt('agree');
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    const url = jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url ?? '';
    setRouterParams({ resultId: new URLSearchParams(url.split('?')[1]).get('resultId') ?? undefined });
    render(<FaceCheckSimulatorPage />).unmount();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
