import { act, fireEvent, render, screen } from '@testing-library/react';
import { resetTaroStub } from '../../test/taro-stub';
import { hasAcceptedPrivacy, requestPrivacyConsent } from '../platform';
import { PrivacyPrompt } from './privacy-prompt';

beforeEach(() => resetTaroStub());

describe('privacy prompt', () => {
  it('stays hidden until an action needs personal data', () => {
    render(<PrivacyPrompt />);
    expect(screen.queryByText('隐私保护指引')).toBeNull();
  });

  it('lets the waiting action go on once the user agrees, and remembers it', async () => {
    render(<PrivacyPrompt />);
    let consent!: Promise<void>;
    act(() => {
      consent = requestPrivacyConsent();
    });
    expect(screen.getByText('隐私保护指引')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    await expect(consent).resolves.toBeUndefined();
    expect(screen.queryByText('隐私保护指引')).toBeNull();
    expect(hasAcceptedPrivacy()).toBe(true);
  });

  it('stops the waiting action when the user declines', async () => {
    render(<PrivacyPrompt />);
    let consent!: Promise<void>;
    act(() => {
      consent = requestPrivacyConsent();
    });
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    await expect(consent).rejects.toMatchObject({ code: 'PRIVACY_DECLINED' });
    expect(hasAcceptedPrivacy()).toBe(false);
  });
});
