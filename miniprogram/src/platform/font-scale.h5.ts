import { clampFontScale } from './font-scale-rule';

// Browsers do not expose the phone's font setting, so H5 offers its own (页面 我的 → 字体大小).
// `?fontScale=1.3` in the address overrides it, for layout checks.
const FONT_SCALE_KEY = 'seal.fontScale';

export const fontScaleAdjustable = true;

export function readFontScale(): number {
  const fromQuery = new URLSearchParams(window.location.search).get('fontScale');
  if (fromQuery !== null) return clampFontScale(Number(fromQuery));
  const stored = window.localStorage.getItem(FONT_SCALE_KEY);
  return stored === null ? 1 : clampFontScale(Number(stored));
}

export function saveFontScale(scale: number): void {
  window.localStorage.setItem(FONT_SCALE_KEY, String(clampFontScale(scale)));
}
