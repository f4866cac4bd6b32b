import { MM, ring, SEAL_RED, star, type SealDrawing } from './drawing';
import { textOnArc } from './arc-text';
import { textLine } from './glyphs';
import type { SealSpec } from './seal-spec';

/**
 * Round seals (法定名称章, 财务专用章, 合同专用章): a 42 mm red ring, the company name along the
 * upper arc, a five-pointed star for the company-name seal, the seal name below the centre and
 * an optional security code along the lower arc.
 */
export function drawRoundSeal(spec: SealSpec): SealDrawing {
  const d = 42 * MM;
  const c = d / 2;
  const border = 1.2 * MM;
  const name = [...spec.companyName];
  const withStar = spec.star === true;
  // Long names get a wider arc, smaller and narrower characters, as engravers do.
  const n = name.length;
  const span = (Math.min(214, Math.max(160, n * 19)) * Math.PI) / 180;
  const size = n > 16 ? 5.2 * MM : n > 12 ? 6 * MM : 6.8 * MM;
  const scaleX = n > 12 ? 0.72 : 0.82;
  const textRadius = c - border - 0.9 * MM - size / 2;
  const shapes = [
    ring(c, c, c - 0.2, c - 0.2, border),
    ...textOnArc({ text: spec.companyName, cx: c, cy: c, rx: textRadius, ry: textRadius, span, size, scaleX }),
  ];
  if (withStar) shapes.push(star(c, c, 7 * MM));
  const title = spec.label ?? '';
  if (title) {
    const titleSize = (withStar ? 4.6 : 5.4) * MM;
    const y = withStar ? c + 11.5 * MM : c + 10 * MM;
    const pitch = Math.min(titleSize * 0.95, (withStar ? 22 : 26) * MM / [...title].length);
    shapes.push(...textLine(title, c, y, titleSize, pitch, 0.9));
  }
  if (spec.securityCode) {
    const codeSize = 2.2 * MM;
    const r = c - border - 0.6 * MM - codeSize / 2;
    shapes.push(...textOnArc({ text: spec.securityCode, cx: c, cy: c, rx: r, ry: r, span: (70 * Math.PI) / 180, size: codeSize, scaleX: 0.8, bottom: true }));
  }
  return { shape: 'round', width: d, height: d, color: SEAL_RED, shapes };
}
