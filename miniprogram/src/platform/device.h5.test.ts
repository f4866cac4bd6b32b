import Taro from '@tarojs/taro';
import { waitFor } from '@testing-library/react';
import { resetTaroStub } from '../../test/taro-stub';
import { faceCheck } from './face-check';
import { login } from './login';
import { answerPrivacyPrompt, isPrivacyPromptOpen } from './privacy-consent';
import { settlePageResult } from './page-result';
import { scanCode } from './scan-code';

function acceptPrivacy(): void {
  if (isPrivacyPromptOpen()) answerPrivacyPrompt('agree');
}

function answerOpenedPage(value: unknown): void {
  const url = jest.mocked(Taro.navigateTo).mock.calls.at(-1)?.[0].url ?? '';
  settlePageResult(new URLSearchParams(url.split('?')[1]).get('resultId') ?? '', value);
}

beforeEach(() => {
  resetTaroStub();
});

describe('H5 login', () => {
  it('asks for privacy consent before it opens the simulator screen', async () => {
    const result = login();
    expect(isPrivacyPromptOpen()).toBe(true);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    answerOpenedPage('legal-rep');
    await expect(result).resolves.toEqual({ code: 'sim:legal-rep' });
  });

  it('lets the tester choose an identity on the simulator screen', async () => {
    const result = login();
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    expect(jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url).toMatch(/^\/packages\/simulator\/login\/index\?/);
    answerOpenedPage('seal-holder');
    await expect(result).resolves.toEqual({ code: 'sim:seal-holder' });
  });

  it('collects nothing when privacy is declined', async () => {
    const result = login();
    answerPrivacyPrompt('decline');
    await expect(result).rejects.toMatchObject({ code: 'PRIVACY_DECLINED' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('H5 face check', () => {
  it('shows whose face is checked and resolves with the outcome chosen on the simulator screen', async () => {
    const result = faceCheck({ personName: '张三' });
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    expect(jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url).toContain(`personName=${encodeURIComponent('张三')}`);
    answerOpenedPage('fail');
    await expect(result).resolves.toEqual({ simulatedOutcome: 'fail' });
  });

  it('passes the verify id through with the outcome', async () => {
    const result = faceCheck({ verifyId: 'verify-43' });
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    answerOpenedPage('pass');
    await expect(result).resolves.toEqual({ verifyId: 'verify-43', simulatedOutcome: 'pass' });
  });
});

describe('H5 scan', () => {
  it('returns what was pasted on the simulator screen, trimmed', async () => {
    const result = scanCode();
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    expect(jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url).toMatch(/^\/packages\/simulator\/scan\/index\?/);
    answerOpenedPage('  seal-challenge:abc123 ');
    await expect(result).resolves.toEqual({ payload: 'seal-challenge:abc123' });
  });

  it('treats an empty paste as a cancel', async () => {
    const result = scanCode();
    acceptPrivacy();
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalled());
    answerOpenedPage('   ');
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
