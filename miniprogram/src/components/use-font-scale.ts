import { useSyncExternalStore } from 'react';
import { currentFontScale, subscribeFontScale } from '../platform';

/** The current text scale (1 = design size); re-renders when it changes. */
export function useFontScale(): number {
  return useSyncExternalStore(subscribeFontScale, currentFontScale, currentFontScale);
}
