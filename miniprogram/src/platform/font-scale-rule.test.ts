import { clampFontScale, FONT_SCALE_CHOICES, fontScaleStyle, scaleForSystemFontSize } from './font-scale-rule';

describe('font scale', () => {
  it('keeps the design size for the standard system font', () => {
    expect(scaleForSystemFontSize(17)).toBe(1);
    expect(scaleForSystemFontSize(16)).toBe(1);
  });

  it('enlarges text with a larger system font', () => {
    expect(scaleForSystemFontSize(22.1)).toBe(1.3);
  });

  it('caps the scale so layouts stay usable', () => {
    expect(scaleForSystemFontSize(40)).toBe(1.6);
  });

  it('offers 特大 at 1.5× at least (elder mode)', () => {
    expect(FONT_SCALE_CHOICES.find((c) => c.label === '特大')?.scale).toBeGreaterThanOrEqual(1.5);
  });

  it('ignores nonsense values', () => {
    expect(scaleForSystemFontSize(undefined)).toBe(1);
    expect(scaleForSystemFontSize(-3)).toBe(1);
    expect(clampFontScale(Number.NaN)).toBe(1);
    expect(clampFontScale('1.3')).toBe(1);
  });

  it('writes the scale as a CSS variable for the page root', () => {
    expect(fontScaleStyle(1.3)).toBe('--font-scale: 1.3;');
  });
});
