import { deflateSync } from 'node:zlib';

/**
 * Small hostile files for the robustness tests and the benchmark (bench/hostile.bench.ts): each
 * is a few kilobytes and claims far more than it holds.
 */

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');

/**
 * A cross-reference stream claiming `/Index [0 1999999]` with `/W [1 0 0]` (one byte a row):
 * two million rows deflate to about 2 KB, so the whole file stays near 4 KB. With `revisions` > 1
 * the same stream is appended again and again, each one's `/Prev` the one before: the "a
 * few revisions of it would exhaust a 1 GB Lambda".
 */
export function xrefStreamBomb(rows = 1_999_999, revisions = 1): Uint8Array {
  const objs = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 200 200]>>'];
  let body = '%PDF-1.7\n';
  for (let i = 0; i < objs.length; i++) body += `${i + 1} 0 obj\n${objs[i]}\nendobj\n`;
  const data = deflateSync(Buffer.alloc(rows, 1), { level: 9 });
  const parts = [enc(body)];
  let length = body.length;
  for (let r = 0; r < revisions; r++) {
    const prev = r === 0 ? '' : `/Prev ${length - parts[parts.length - 1]!.length}`;
    const head = enc(`${4 + r} 0 obj\n<</Type/XRef/Size ${rows}/Index [0 ${rows}]/W [1 0 0]/Root 1 0 R${prev}/Filter/FlateDecode/Length ${data.length}>>\nstream\n`);
    const revision = Buffer.concat([head, data, enc(`\nendstream\nendobj\nstartxref\n${length}\n%%EOF\n`)]);
    parts.push(revision);
    length += revision.length;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** A page tree whose root claims `count` pages and holds one. */
export function pageCountLie(count = 20_000_000): Uint8Array {
  return classicPdf(['<</Type/Catalog/Pages 2 0 R>>', `<</Type/Pages/Kids [3 0 R]/Count ${count}>>`, '<</Type/Page/Parent 2 0 R/MediaBox [0 0 200 200]>>']);
}

/** A classic-table PDF from object bodies (object i+1 = bodies[i]), `prefix` before the header. */
export function classicPdf(bodies: string[], options: { prefix?: string; trailer?: string; shift?: number } = {}): Uint8Array {
  const prefix = options.prefix ?? '';
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length + (options.shift ?? 0));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('');
  out += `trailer\n<</Size ${bodies.length + 1}/Root 1 0 R${options.trailer ?? ''}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(prefix + out, 'latin1'));
}
