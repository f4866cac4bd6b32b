import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The two weights the platform uses: Bold for seal lettering, Regular for form text. */
export type NotoWeight = 'Bold' | 'Regular';

/**
 * Noto Sans SC (SIL OFL 1.1) from @embedpdf/fonts-sc. The package exports only its index (in
 * dist/); the fonts sit beside dist/. Deployed functions get both files copied next to the bundle
 * (infra/lib/seal-function.ts), so the same lookup works there.
 */
export function notoSansScBytes(weight: NotoWeight): Buffer {
  const dir = dirname(dirname(require.resolve('@embedpdf/fonts-sc')));
  return readFileSync(join(dir, 'fonts', `NotoSansHans-${weight}.otf`));
}
