// Large-font (适老化) support: every text size in the styles is `calc(Npx * var(--font-scale))`,
// and the page root sets --font-scale. 特大 is 1.5× (适老化: at least 1.5); the journeys check layouts at
// 1.5× and they must not break up to the 1.6× cap.

export const MIN_FONT_SCALE = 1;
export const MAX_FONT_SCALE = 1.6;
/** The choices the H5 setting offers: 标准 / 大 / 特大. */
export const FONT_SCALE_CHOICES = [
  { scale: 1, label: '标准' },
  { scale: 1.25, label: '大' },
  { scale: 1.5, label: '特大' },
] as const;

// WeChat reports the system font size in px; 17 is the standard size on iOS (Android's is 16, which
// also maps to 1: we never shrink text below the design size).
const STANDARD_SYSTEM_FONT_PX = 17;

export function clampFontScale(scale: unknown): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale)) return MIN_FONT_SCALE;
  const clamped = Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, scale));
  return Math.round(clamped * 100) / 100;
}

export function scaleForSystemFontSize(fontSizeSettingPx: unknown): number {
  if (typeof fontSizeSettingPx !== 'number' || fontSizeSettingPx <= 0) return MIN_FONT_SCALE;
  return clampFontScale(fontSizeSettingPx / STANDARD_SYSTEM_FONT_PX);
}

/** Inline style for a page root. */
export function fontScaleStyle(scale: number): string {
  return `--font-scale: ${clampFontScale(scale)};`;
}
