/** A PDF written by hand from object bodies (object i+1 = bodies[i]), with a correct classic xref. */
export function handmadePdf(bodies: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('');
  out += `trailer\n<</Size ${bodies.length + 1}/Root 1 0 R${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
