
import type { SealShapeName } from './seal-spec';

/** One path command in seal space: points, origin top-left, y pointing down (as in SVG). */
export type PathCommand = ['M', number, number] | ['L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];

export interface SealShape {
  commands: PathCommand[];
  /** even-odd filling draws a ring from two circles without a stroke. */
  fillRule: 'nonzero' | 'evenodd';
}

/** The one drawing model every output (SVG preview, PDF appearance) is made from. */
export interface SealDrawing {
  shape: SealShapeName;
  /** Size in PDF points (1 mm = 72 / 25.4 pt). */
  width: number;
  height: number;
  /** Seal ink, sRGB 0..1. */
  color: readonly [number, number, number];
  shapes: SealShape[];
}

export const MM = 72 / 25.4;
export const SEAL_RED = [0.86, 0.08, 0.12] as const;

/** Cubic Bézier approximation of an ellipse (four quarter arcs). */
export function ellipse(cx: number, cy: number, rx: number, ry: number): PathCommand[] {
  const k = 0.5522847498;
  return [
    ['M', cx + rx, cy],
    ['C', cx + rx, cy + ry * k, cx + rx * k, cy + ry, cx, cy + ry],
    ['C', cx - rx * k, cy + ry, cx - rx, cy + ry * k, cx - rx, cy],
    ['C', cx - rx, cy - ry * k, cx - rx * k, cy - ry, cx, cy - ry],
    ['C', cx + rx * k, cy - ry, cx + rx, cy - ry * k, cx + rx, cy],
    ['Z'],
  ];
}

/** A ring of the given stroke width as one even-odd shape. */
export function ring(cx: number, cy: number, rx: number, ry: number, width: number): SealShape {
  return { commands: [...ellipse(cx, cy, rx, ry), ...ellipse(cx, cy, rx - width, ry - width)], fillRule: 'evenodd' };
}

export function rectFrame(x: number, y: number, w: number, h: number, width: number): SealShape {
  const rect = (a: number, b: number, c: number, d: number): PathCommand[] => [['M', a, b], ['L', a + c, b], ['L', a + c, b + d], ['L', a, b + d], ['Z']];
  return { commands: [...rect(x, y, w, h), ...rect(x + width, y + width, w - 2 * width, h - 2 * width)], fillRule: 'evenodd' };
}

/** The five-pointed star of a company seal, one point straight up. */
export function star(cx: number, cy: number, outer: number): SealShape {
  const inner = outer * 0.382;
  const commands: PathCommand[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (i * Math.PI) / 5;
    commands.push([i === 0 ? 'M' : 'L', cx + r * Math.sin(a), cy - r * Math.cos(a)]);
  }
  commands.push(['Z']);
  return { commands, fillRule: 'nonzero' };
}
