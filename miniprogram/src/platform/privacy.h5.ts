/** Same id as on weapp so the prompt component needs no branch. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** Browsers have no system-level privacy request; consent is asked by `requestPrivacyConsent` alone. */
export function watchPrivacyRequests(): void {}
