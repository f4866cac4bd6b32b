import Taro from '@tarojs/taro';
import { PlatformError } from './errors';

// The privacy agreement must be accepted before the first collection of personal data (login,
// face check, camera, files). Acceptance is remembered per agreement version, so a new version
// asks again.
export const PRIVACY_AGREEMENT_VERSION = '2025-01';
const ACCEPTED_KEY = 'seal.privacyAccepted';

type Decision = 'agree' | 'decline';
type Listener = (open: boolean) => void;

let waiting: Array<(decision: Decision) => void> = [];
const listeners = new Set<Listener>();

export function hasAcceptedPrivacy(): boolean {
  return Taro.getStorageSync(ACCEPTED_KEY) === PRIVACY_AGREEMENT_VERSION;
}

export function isPrivacyPromptOpen(): boolean {
  return waiting.length > 0;
}

/** The prompt component subscribes here to know when to show itself. */
export function onPrivacyPromptChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  const open = isPrivacyPromptOpen();
  listeners.forEach((listener) => listener(open));
}

/**
 * Shows the privacy prompt and waits for the user. `force` asks even after an earlier acceptance
 * (WeChat itself may require a fresh one).
 */
export function requestPrivacyConsent(force = false): Promise<void> {
  if (!force && hasAcceptedPrivacy()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    waiting.push((decision) =>
      decision === 'agree' ? resolve() : reject(new PlatformError('PRIVACY_DECLINED', '需同意《隐私保护指引》后才能继续办理')),
    );
    if (waiting.length === 1) notify();
  });
}

/** Called by the prompt's buttons. Every caller waiting on the prompt gets the same answer. */
export function answerPrivacyPrompt(decision: Decision): void {
  if (decision === 'agree') Taro.setStorageSync(ACCEPTED_KEY, PRIVACY_AGREEMENT_VERSION);
  const settle = waiting;
  waiting = [];
  settle.forEach((answer) => answer(decision));
  notify();
}
