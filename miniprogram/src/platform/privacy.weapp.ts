import { requestPrivacyConsent } from './privacy-consent';

/** Id of the agree button; WeChat needs it to match the button with open-type agreePrivacyAuthorization. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

interface PrivacyResolve {
  (answer: { event: 'agree'; buttonId: string } | { event: 'disagree' }): void;
}

/**
 * WeChat asks for consent itself when a privacy API (camera, files, face check) is first called;
 * route that request to our prompt so the user sees one agreement, not two.
 */
export function watchPrivacyRequests(): void {
  const onNeed = (wx as unknown as { onNeedPrivacyAuthorization?: (cb: (resolve: PrivacyResolve) => void) => void })
    .onNeedPrivacyAuthorization;
  onNeed?.((resolve) => {
    requestPrivacyConsent(true).then(
      () => resolve({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }),
      () => resolve({ event: 'disagree' }),
    );
  });
}
