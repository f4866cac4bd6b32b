import { useSyncExternalStore } from 'react';
import { isPrivacyPromptOpen, onPrivacyPromptChange } from '../platform';

function subscribe(listener: () => void): () => void {
  return onPrivacyPromptChange(() => listener());
}

/** True while some action waits for the user to accept or decline the privacy agreement. */
export function usePrivacyPromptOpen(): boolean {
  return useSyncExternalStore(subscribe, isPrivacyPromptOpen, isPrivacyPromptOpen);
}
