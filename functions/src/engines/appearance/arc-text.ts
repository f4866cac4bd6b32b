import type { SealShape } from './drawing';
import { glyphShape } from './glyphs';

export interface ArcText {
  text: string;
  cx: number;
  cy: number;
  /** Radii of the ellipse the character centres sit on (equal for a circle). */
  rx: number;
  ry: number;
  /** Angular span in radians, centred on the top (or on the bottom when `bottom`). */
  span: number;
  size: number;
  scaleX?: number;
  /** Text along the lower arc reads left to right with characters upright (security code). */
  bottom?: boolean;
}

/**
 * Characters spread at equal arc length along an ellipse, each turned to face the centre,
 * as engraved on a seal.
 */
export function textOnArc(a: ArcText): SealShape[] {
  const chars = [...a.text];
  if (chars.length === 0) return [];
  const at = (t: number): [number, number] => [a.cx + a.rx * Math.sin(t), a.cy - a.ry * Math.cos(t)];
  // Arc-length table over the span, so an oval spaces its characters evenly too.
  const centre = a.bottom ? Math.PI : 0;
  const t0 = centre - a.span / 2;
  const steps = 720;
  const lengths = [0];
  let prev = at(t0);
  for (let i = 1; i <= steps; i++) {
    const p = at(t0 + (a.span * i) / steps);
    lengths.push(lengths[i - 1]! + Math.hypot(p[0] - prev[0], p[1] - prev[1]));
    prev = p;
  }
  const total = lengths[steps]!;
  const paramAt = (len: number): number => {
    let i = lengths.findIndex((l) => l >= len);
    if (i <= 0) i = 1;
    const f = (len - lengths[i - 1]!) / (lengths[i]! - lengths[i - 1]! || 1);
    return t0 + (a.span * (i - 1 + f)) / steps;
  };
  return chars.map((ch, i) => {
    const k = chars.length === 1 ? 0.5 : i / (chars.length - 1);
    // Lower-arc text runs right to left in parameter order so it reads left to right.
    const t = paramAt(total * (a.bottom ? 1 - k : k));
    const [x, y] = at(t);
    const nx = Math.sin(t) / a.rx;
    const ny = -Math.cos(t) / a.ry;
    const rotation = a.bottom ? Math.atan2(-nx, ny) : Math.atan2(nx, -ny);
    return glyphShape(ch, { cx: x, cy: y, size: a.size, rotation, scaleX: a.scaleX });
  });
}
