import { MM, rectFrame, SEAL_RED, type SealDrawing, type SealShape } from './drawing';
import { glyphShape } from './glyphs';
import type { SealSpec } from './seal-spec';

/**
 * 法定代表人名章: the person's name in a 20 mm square frame, read in columns from the right,
 * top to bottom. Two- and three-character names take 之印 / 印 to fill the square, as is customary.
 */
export function drawSquareSeal(spec: SealSpec): SealDrawing {
  const s = 20 * MM;
  const border = 1.1 * MM;
  const name = [...(spec.personName ?? '')];
  const chars = name.length === 2 ? [...name, '之', '印'] : name.length === 3 ? [...name, '印'] : name;
  const shapes: SealShape[] = [rectFrame(0.2, 0.2, s - 0.4, s - 0.4, border)];
  const inner = s - 2 * border - 1.2 * MM;
  const origin = border + 0.6 * MM;
  if (chars.length === 4) {
    // Right column first: 1 top-right, 2 bottom-right, 3 top-left, 4 bottom-left.
    const cell = inner / 2;
    const cells: [number, number][] = [[1, 0], [1, 1], [0, 0], [0, 1]];
    chars.forEach((ch, i) => {
      const [col, row] = cells[i]!;
      shapes.push(glyphShape(ch, { cx: origin + cell * (col + 0.5), cy: origin + cell * (row + 0.5), size: cell * 1.02 }));
    });
  } else {
    // Any other length: one column per two characters, right to left.
    const cols = Math.max(1, Math.ceil(chars.length / 2));
    const cellW = inner / cols;
    const rows = Math.min(2, chars.length);
    const cellH = inner / Math.max(1, rows);
    chars.forEach((ch, i) => {
      const col = cols - 1 - Math.floor(i / 2);
      const row = rows === 1 ? 0 : i % 2;
      shapes.push(glyphShape(ch, { cx: origin + cellW * (col + 0.5), cy: origin + cellH * (row + 0.5), size: Math.min(cellW, cellH) * 1.02, scaleX: cellW / Math.min(cellW, cellH) }));
    });
  }
  return { shape: 'square', width: s, height: s, color: SEAL_RED, shapes };
}
