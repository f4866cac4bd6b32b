import { resetTaroStub } from '../../test/taro-stub';
import { PlatformError } from './errors';
import {
  answerPrivacyPrompt,
  hasAcceptedPrivacy,
  isPrivacyPromptOpen,
  onPrivacyPromptChange,
  requestPrivacyConsent,
} from './privacy-consent';

beforeEach(() => resetTaroStub());

describe('privacy consent', () => {
  it('opens the prompt and continues once the user agrees', async () => {
    const shown: boolean[] = [];
    const stop = onPrivacyPromptChange((open) => shown.push(open));
    const consent = requestPrivacyConsent();
    expect(isPrivacyPromptOpen()).toBe(true);
    answerPrivacyPrompt('agree');
    await expect(consent).resolves.toBeUndefined();
    expect(shown).toEqual([true, false]);
    expect(hasAcceptedPrivacy()).toBe(true);
    stop();
  });

  it('does not ask again after acceptance', async () => {
    const first = requestPrivacyConsent();
    answerPrivacyPrompt('agree');
    await first;
    await expect(requestPrivacyConsent()).resolves.toBeUndefined();
    expect(isPrivacyPromptOpen()).toBe(false);
  });

  it('refuses to go on when the user declines, and asks again next time', async () => {
    const consent = requestPrivacyConsent();
    answerPrivacyPrompt('decline');
    await expect(consent).rejects.toEqual(expect.any(PlatformError));
    await expect(consent).rejects.toMatchObject({ code: 'PRIVACY_DECLINED' });
    expect(hasAcceptedPrivacy()).toBe(false);
    void requestPrivacyConsent().catch(() => undefined);
    expect(isPrivacyPromptOpen()).toBe(true);
    answerPrivacyPrompt('decline');
  });

  it('gives every waiting action the one answer', async () => {
    const scan = requestPrivacyConsent();
    const login = requestPrivacyConsent();
    answerPrivacyPrompt('agree');
    await expect(Promise.all([scan, login])).resolves.toEqual([undefined, undefined]);
  });

  it('asks again when WeChat requires a fresh consent', async () => {
    const first = requestPrivacyConsent();
    answerPrivacyPrompt('agree');
    await first;
    const forced = requestPrivacyConsent(true);
    expect(isPrivacyPromptOpen()).toBe(true);
    answerPrivacyPrompt('agree');
    await expect(forced).resolves.toBeUndefined();
  });
});
