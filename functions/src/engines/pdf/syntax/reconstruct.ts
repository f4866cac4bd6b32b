import { unreadable } from '../errors';
import { BoundExceeded, type Budget } from './bounds';
import { PdfDict, PdfRef, PdfStream } from './objects';
import { parseIndirectObject, PdfLexer } from './parser';
import type { XrefEntry, XrefSection } from './xref';
import { objectStreamHeader } from './object-stream';

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/**
 * Where each `n g obj` starts, found by scanning the bytes: for every object number, its
 * definitions in file order (later definitions belong to later incremental updates). Used when a
 * cross-reference offset is wrong and to rebuild a broken table, as viewers do.
 */
export function scanObjectHeaders(bytes: Uint8Array, budget: Budget): Map<number, number[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const found = new Map<number, number[]>();
  let count = 0;
  for (let at = buf.indexOf('obj', 0, 'latin1'); at >= 0; at = buf.indexOf('obj', at + 3, 'latin1')) {
    const after = bytes[at + 3];
    if (after !== undefined && !isSpace(after) && after !== 0x3c && after !== 0x5b && after !== 0x2f && after !== 0x28 && after !== 0x25) continue;
    // Walk back over "num gen " in front of the keyword.
    let p = at - 1;
    if (!isSpace(bytes[p])) continue;
    while (p > 0 && isSpace(bytes[p])) p--;
    const genEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    const genStart = p + 1;
    if (genStart === genEnd || genEnd - genStart > 5 || !isSpace(bytes[p])) continue;
    while (p > 0 && isSpace(bytes[p])) p--;
    const numEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    const numStart = p + 1;
    if (numStart === numEnd || numEnd - numStart > 10 || (p >= 0 && !isSpace(bytes[p]) && bytes[p] !== 0x3e && bytes[p] !== 0x5d)) continue;
    const num = Number(buf.toString('latin1', numStart, numEnd));
    if (++count > budget.entriesLeft) throw new BoundExceeded('more objects than the file can hold');
    const list = found.get(num);
    if (list) list.push(numStart);
    else found.set(num, [numStart]);
  }
  return found;
}

/**
 * Rebuilds one revision for a file whose cross-reference chain cannot be followed: the last
 * definition of each object wins, objects packed in object streams are added when not defined
 * directly, and the trailer is the last one naming a /Root (a classic `trailer` or a
 * cross-reference stream), else the last catalog found.
 */
export function reconstructRevision(bytes: Uint8Array, headers: Map<number, number[]>, budget: Budget): XrefSection {
  const entries = new Map<number, XrefEntry>();
  const objStreams: [number, PdfStream][] = [];
  let trailer: PdfDict | undefined;
  let trailerAt = -1;
  let catalog: PdfRef | undefined;
  for (const [num, offsets] of headers) {
    const offset = offsets[offsets.length - 1]!;
    entries.set(num, { kind: 'offset', offset, gen: 0 });
    let value;
    try {
      value = parseIndirectObject(bytes, offset).value;
    } catch {
      continue;
    }
    const d = value instanceof PdfStream ? value.dict : value instanceof PdfDict ? value : undefined;
    if (value instanceof PdfStream && d?.name('Type') === 'ObjStm') objStreams.push([num, value]);
    if (d?.name('Type') === 'XRef' && d.get('Root') instanceof PdfRef && offset > trailerAt) {
      trailer = d;
      trailerAt = offset;
    }
    if (d?.name('Type') === 'Catalog') catalog = new PdfRef(num, 0);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let at = buf.indexOf('trailer', 0, 'latin1'); at >= 0; at = buf.indexOf('trailer', at + 7, 'latin1')) {
    try {
      const d = new PdfLexer(bytes, at + 7).value();
      if (d instanceof PdfDict && d.get('Root') instanceof PdfRef && at > trailerAt) {
        trailer = d;
        trailerAt = at;
      }
    } catch {
      // a damaged trailer: keep looking
    }
  }
  for (const [num, stream] of objStreams) {
    try {
      const { numbers } = objectStreamHeader(stream, budget);
      numbers.forEach((packed, index) => {
        if (!entries.has(packed)) entries.set(packed, { kind: 'compressed', stream: num, index });
      });
    } catch {
      // an unreadable object stream adds nothing
    }
  }
  const root = trailer?.get('Root') ?? catalog;
  if (!root) throw unreadable('no catalog');
  const rebuilt = new PdfDict();
  rebuilt.set('Root', root);
  for (const key of ['Info', 'ID', 'Encrypt']) {
    const v = trailer?.get(key);
    if (v !== undefined) rebuilt.set(key, v);
  }
  const eof = buf.lastIndexOf('%%EOF', undefined, 'latin1');
  const eofEnd = eof >= 0 ? eof + 5 : bytes.length;
  return { xrefOffset: -1, xrefKind: 'table', entries, trailer: rebuilt, end: bytes.length, eofEnd, reconstructed: true };
}
