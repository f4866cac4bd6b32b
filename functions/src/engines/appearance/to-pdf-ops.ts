import type { SealDrawing } from './drawing';

const n = (v: number): string => {
  const s = (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};

/**
 * The seal as PDF content-stream operators in a box of `width × height` user units with the
 * origin at the bottom-left (the seal space is y-down, so the first operator flips it).
 * The caller supplies a graphics state named /GSeal (multiply blending, like ink on paper).
 */
export function sealToPdfOps(d: SealDrawing): string {
  const [r, g, b] = d.color;
  const out: string[] = ['q', `1 0 0 -1 0 ${n(d.height)} cm`, '/GSeal gs', `${n(r)} ${n(g)} ${n(b)} rg`];
  for (const shape of d.shapes) {
    for (const c of shape.commands) {
      if (c[0] === 'M') out.push(`${n(c[1])} ${n(c[2])} m`);
      else if (c[0] === 'L') out.push(`${n(c[1])} ${n(c[2])} l`);
      else if (c[0] === 'C') out.push(`${n(c[1])} ${n(c[2])} ${n(c[3])} ${n(c[4])} ${n(c[5])} ${n(c[6])} c`);
      else out.push('h');
    }
    out.push(shape.fillRule === 'evenodd' ? 'f*' : 'f');
  }
  out.push('Q');
  return out.join('\n');
}
