import { constants, deflateSync } from 'node:zlib';

/**
 * Damaged (not hostile) files as real producers leave them, for the signing side's tests: the
 * reader rebuilds or tolerates each (decision 0062); the writer must leave something every reader
 * reads the same way (decision 0105).
 */

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** The last startxref points nowhere: readers rebuild the cross-reference table by scanning. */
export function brokenStartxref(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const at = text.lastIndexOf('startxref');
  return bytesOf(text.slice(0, at) + text.slice(at).replace(/startxref\s+\d+/, 'startxref\n999999'));
}

/** Bytes before `%PDF-` (a mail gateway's, a PDF 2.0 file's), offsets still counted from the header. */
export function withPrefix(pdf: Uint8Array, prefix = 'Content-Type: application/pdf\r\n\r\n'): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(prefix, 'latin1'), pdf]));
}

/**
 * A one-page PDF 1.5 file whose cross-reference stream is deflated as macOS Preview does it: with
 * a sync flush and no final block or checksum, which a strict inflate refuses.
 */
export function unterminatedFlatePdf(): Uint8Array {
  const content = 'BT /F1 18 Tf 72 760 Td (Contract page 1) Tj ET';
  const bodies = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids [3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents 4 0 R/Resources <</Font <</F1 5 0 R>>>>>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const offsets = bodies.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xrefAt = out.length;
  const rows = Buffer.alloc((offsets.length + 2) * 4);
  rows.writeUInt8(0, 0);
  rows.writeUInt16BE(0xffff, 2);
  [...offsets, xrefAt].forEach((o, i) => {
    rows.writeUInt8(1, (i + 1) * 4);
    rows.writeUInt16BE(o, (i + 1) * 4 + 1);
  });
  const data = deflateSync(rows, { finishFlush: constants.Z_SYNC_FLUSH });
  const size = offsets.length + 2;
  const head = `${size - 1} 0 obj\n<</Type/XRef/Size ${size}/W [1 2 1]/Root 1 0 R/Filter/FlateDecode/Length ${data.length}>>\nstream\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(out + head, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1')]));
}
