import { fontOutlines } from '../fonts/otf-outlines';
import type { PathCommand, SealShape } from './drawing';

/**
 * Glyph outlines come from Noto Sans SC Bold (SIL OFL 1.1) shipped in @embedpdf/fonts-sc, read by
 * the platform's own CFF outline reader (fonts/otf-outlines.ts). They are drawn as paths, so a
 * seal looks the same in every viewer with no font embedded.
 */

/** Where and how one character is placed: centre, em size, rotation (clockwise, radians), horizontal squeeze. */
export interface GlyphPlacement {
  cx: number;
  cy: number;
  size: number;
  rotation?: number;
  scaleX?: number;
  scaleY?: number;
}

/** The character's outline, its em box centred on (cx, cy). */
export function glyphShape(char: string, at: GlyphPlacement): SealShape {
  const f = fontOutlines('Bold');
  const g = f.glyph(char.codePointAt(0)!);
  const s = at.size / f.unitsPerEm;
  const sx = s * (at.scaleX ?? 1);
  const sy = s * (at.scaleY ?? 1);
  const cos = Math.cos(at.rotation ?? 0);
  const sin = Math.sin(at.rotation ?? 0);
  // Ideographic em box runs from -120 to 880 units: its centre is 380 above the baseline.
  const midX = g.advanceWidth / 2;
  const midY = 0.38 * f.unitsPerEm;
  const pt = (x: number, y: number): [number, number] => {
    const lx = (x - midX) * sx;
    const ly = -(y - midY) * sy;
    return [at.cx + lx * cos - ly * sin, at.cy + lx * sin + ly * cos];
  };
  const commands: PathCommand[] = [];
  for (const c of g.commands) {
    const a = c.args;
    // CFF outlines are cubic only: no quadratic segments to raise.
    if (c.command === 'moveTo') commands.push(['M', ...pt(a[0]!, a[1]!)]);
    else if (c.command === 'lineTo') commands.push(['L', ...pt(a[0]!, a[1]!)]);
    else if (c.command === 'bezierCurveTo') commands.push(['C', ...pt(a[0]!, a[1]!), ...pt(a[2]!, a[3]!), ...pt(a[4]!, a[5]!)]);
    else commands.push(['Z']);
  }
  return { commands, fillRule: 'nonzero' };
}

/** A line of characters centred on (cx, cy), upright. */
export function textLine(text: string, cx: number, cy: number, size: number, pitch: number, scaleX = 1): SealShape[] {
  const chars = [...text];
  const start = cx - ((chars.length - 1) * pitch) / 2;
  return chars.map((ch, i) => glyphShape(ch, { cx: start + i * pitch, cy, size, scaleX }));
}
