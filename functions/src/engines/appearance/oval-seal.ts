import { MM, ring, SEAL_RED, type SealDrawing } from './drawing';
import { textOnArc } from './arc-text';
import { textLine } from './glyphs';
import type { SealSpec } from './seal-spec';

/** 发票专用章: a 40 × 30 mm oval, company name along the upper arc, the tax number across the middle, seal name below. */
export function drawOvalSeal(spec: SealSpec): SealDrawing {
  const w = 40 * MM;
  const h = 30 * MM;
  const border = 1 * MM;
  const n = [...spec.companyName].length;
  const size = n > 14 ? 3.8 * MM : 4.2 * MM;
  const shapes = [
    ring(w / 2, h / 2, w / 2 - 0.2, h / 2 - 0.2, border),
    ...textOnArc({
      text: spec.companyName,
      cx: w / 2,
      cy: h / 2,
      rx: w / 2 - border - 0.7 * MM - size / 2,
      ry: h / 2 - border - 0.7 * MM - size / 2,
      span: (Math.min(184, Math.max(130, n * 15)) * Math.PI) / 180,
      size,
      scaleX: 0.75,
    }),
  ];
  const taxNumber = spec.creditCode ?? '';
  if (taxNumber) {
    // Latin digits sit in half an em: pitch them at about half the size, as on real invoice seals.
    const digitSize = 3.8 * MM;
    const pitch = Math.min(digitSize * 0.56, (25 * MM) / [...taxNumber].length);
    shapes.push(...textLine(taxNumber, w / 2, h / 2 + 0.8 * MM, digitSize, pitch, Math.min(1, pitch / (digitSize * 0.6))));
  }
  const title = spec.label ?? '';
  shapes.push(...textLine(title, w / 2, h / 2 + 7.6 * MM, 4 * MM, 4 * MM, 0.9));
  return { shape: 'oval', width: w, height: h, color: SEAL_RED, shapes };
}
