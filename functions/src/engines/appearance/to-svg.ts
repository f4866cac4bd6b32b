import type { PathCommand, SealDrawing } from './drawing';

const n = (v: number): string => (Math.round(v * 100) / 100).toString();

export function pathData(commands: PathCommand[]): string {
  return commands.map((c) => c[0] + (c.length > 1 ? c.slice(1).map((v) => n(v as number)).join(' ') : '')).join('');
}

/** The seal as a standalone SVG (mini-program preview), sized in millimetres. */
export function sealToSvg(d: SealDrawing): string {
  const [r, g, b] = d.color.map((c) => Math.round(c * 255));
  const mm = (pt: number): string => n((pt * 25.4) / 72);
  const paths = d.shapes.map((s) => `<path d="${pathData(s.commands)}"${s.fillRule === 'evenodd' ? ' fill-rule="evenodd"' : ''}/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm(d.width)}mm" height="${mm(d.height)}mm" viewBox="0 0 ${n(d.width)} ${n(d.height)}">` +
    `<g fill="rgb(${r},${g},${b})">${paths}</g></svg>`
  );
}
