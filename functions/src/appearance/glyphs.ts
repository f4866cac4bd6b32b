import * as fontkit from 'fontkit';
import { notoSansScBytes } from '../fonts/noto-sans-sc';
import type { PathCommand, SealShape } from './drawing';

/**
 * Glyph outlines come from Noto Sans SC Bold (SIL OFL 1.1) shipped in @embedpdf/fonts-sc.
 * They are drawn as paths, so a seal looks the same in every viewer with no font embedded.
 */
interface Font {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): Glyph;
}
interface Glyph {
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[] };
}

let font: Font | undefined;
function loadFont(): Font {
  if (!font) {
    font = fontkit.create(notoSansScBytes('Bold')) as unknown as Font;
  }
  return font;
}

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
  const f = loadFont();
  const g = f.glyphForCodePoint(char.codePointAt(0)!);
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
  let cur: [number, number] = [0, 0];
  for (const c of g.path.commands) {
    const a = c.args;
    if (c.command === 'moveTo') commands.push(['M', ...(cur = pt(a[0]!, a[1]!))]);
    else if (c.command === 'lineTo') commands.push(['L', ...(cur = pt(a[0]!, a[1]!))]);
    else if (c.command === 'bezierCurveTo') {
      const p1 = pt(a[0]!, a[1]!);
      const p2 = pt(a[2]!, a[3]!);
      commands.push(['C', ...p1, ...p2, ...(cur = pt(a[4]!, a[5]!))]);
    } else if (c.command === 'quadraticCurveTo') {
      // Raise the quadratic to a cubic so both outputs need only one curve kind.
      const q = pt(a[0]!, a[1]!);
      const e = pt(a[2]!, a[3]!);
      const c1: [number, number] = [cur[0] + (2 / 3) * (q[0] - cur[0]), cur[1] + (2 / 3) * (q[1] - cur[1])];
      const c2: [number, number] = [e[0] + (2 / 3) * (q[0] - e[0]), e[1] + (2 / 3) * (q[1] - e[1])];
      commands.push(['C', ...c1, ...c2, ...(cur = e)]);
    } else if (c.command === 'closePath') commands.push(['Z']);
  }
  return { commands, fillRule: 'nonzero' };
}

/** A line of characters centred on (cx, cy), upright. */
export function textLine(text: string, cx: number, cy: number, size: number, pitch: number, scaleX = 1): SealShape[] {
  const chars = [...text];
  const start = cx - ((chars.length - 1) * pitch) / 2;
  return chars.map((ch, i) => glyphShape(ch, { cx: start + i * pitch, cy, size, scaleX }));
}
