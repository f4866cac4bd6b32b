import { PdfInputError, unreadable } from '../errors';
import { BoundExceeded, TABLE_ENTRY_BYTES, type Budget } from './bounds';
import { decodeStream } from './filters';
import { PdfDict, PdfStream } from './objects';
import { parseIndirectObject, PdfLexer } from './parser';

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number };

/** One revision: the original file or one incremental update, ending at its %%EOF. */
export interface Revision {
  index: number;
  /** Where its cross-reference section starts; -1 when the table was rebuilt by scanning. */
  xrefOffset: number;
  xrefKind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset just past this revision's %%EOF marker (and its end-of-line, if any). */
  end: number;
  /** Offset just past the %%EOF marker itself. */
  eofEnd: number;
  /** The object number of its cross-reference stream, when it has one (an entry of its own). */
  xrefStream?: number;
  /** True for the one revision made up by scanning a file whose cross-references are broken. */
  reconstructed?: boolean;
  /** Its section was found only by counting its offset from the `%PDF-` header, not from the first byte. */
  offsetsFromHeader?: boolean;
}

export type XrefSection = Omit<Revision, 'index'>;

/** Reads the cross-reference section (table or stream) at `offset`. */
export function readXrefSection(bytes: Uint8Array, offset: number, budget: Budget): XrefSection {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw unreadable('startxref out of range');
  const lx = new PdfLexer(bytes, offset);
  if (lx.peekWord() === 'xref') return readXrefTable(bytes, lx, offset, budget);
  const obj = parseIndirectObject(bytes, offset);
  if (!(obj.value instanceof PdfStream) || obj.value.dict.name('Type') !== 'XRef') throw unreadable('no cross-reference at startxref');
  return {
    xrefOffset: offset,
    xrefKind: 'stream',
    entries: readXrefStream(obj.value, budget),
    trailer: obj.value.dict,
    xrefStream: obj.ref.num,
    ...findEof(bytes, obj.end),
  };
}

function readXrefTable(bytes: Uint8Array, lx: PdfLexer, offset: number, budget: Budget): XrefSection {
  lx.word();
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const w = lx.word();
    if (w === 'trailer') break;
    if (!/^\d{1,10}$/.test(w)) throw unreadable('bad xref subsection');
    const start = Number(w);
    const count = lx.readInt();
    // Twenty bytes an entry: a count the rest of the file cannot hold is refused before the loop.
    if (count * TABLE_ENTRY_BYTES > bytes.length - lx.pos + 2) throw new BoundExceeded('xref subsection longer than the file');
    budget.takeEntries(count);
    for (let i = 0; i < count; i++) {
      const off = lx.readInt();
      const gen = lx.readInt();
      const type = lx.word();
      if (type !== 'n' && type !== 'f') throw unreadable('bad xref entry');
      if (!entries.has(start + i)) entries.set(start + i, type === 'n' ? { kind: 'offset', offset: off, gen } : { kind: 'free' });
    }
  }
  const trailer = lx.value();
  if (!(trailer instanceof PdfDict)) throw unreadable('bad trailer');
  return { xrefOffset: offset, xrefKind: 'table', entries, trailer, ...findEof(bytes, lx.pos) };
}

/**
 * A cross-reference stream. /Index may claim any number of entries: only as many rows as the
 * decoded data holds are read, only as many bytes as those rows need are decoded, and the rows
 * are claimed from the budget first.
 */
export function readXrefStream(stream: PdfStream, budget: Budget): Map<number, XrefEntry> {
  const w = stream.dict.get('W');
  if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 8)) throw unreadable('bad /W');
  const [w0, w1, w2] = w as number[];
  const rowLen = w0! + w1! + w2!;
  if (rowLen === 0) throw unreadable('bad /W');
  const size = stream.dict.get('Size');
  const index = stream.dict.get('Index');
  const ranges = Array.isArray(index) ? index : [0, size];
  if (ranges.length % 2 !== 0 || !ranges.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) throw unreadable('bad /Index');
  let claimed = 0;
  for (let r = 1; r < ranges.length; r += 2) claimed += ranges[r] as number;
  const rows = Math.min(claimed, budget.entriesLeft + 1);
  // PNG predictors add a tag byte to each row before they are undone.
  const limit = Math.min(budget.decodedLeft(), rows * (rowLen + 1) + 64);
  let data: Uint8Array;
  try {
    data = decodeStream(stream, limit);
  } catch (e) {
    // More rows than the budget allows decode to more than `limit`: the claim is what is refused.
    if (e instanceof PdfInputError && e.code === 'PDF_TOO_LARGE' && limit < budget.decodedLeft()) throw new BoundExceeded(`cross-reference claims more objects than the file can hold (${budget.maxEntries})`);
    throw e;
  }
  budget.spendDecoded(data.length);
  const held = Math.min(claimed, Math.floor(data.length / rowLen));
  budget.takeEntries(held);
  const entries = new Map<number, XrefEntry>();
  let p = 0;
  let row = 0;
  const field = (len: number, dflt: number): number => {
    if (len === 0) return dflt;
    let v = 0;
    for (let i = 0; i < len; i++) v = v * 256 + data[p++]!;
    return v;
  };
  for (let r = 0; r + 1 < ranges.length && row < held; r += 2) {
    const start = ranges[r] as number;
    const count = ranges[r + 1] as number;
    for (let i = 0; i < count && row < held; i++, row++) {
      const type = field(w0!, 1);
      const a = field(w1!, 0);
      const b = field(w2!, 0);
      const e: XrefEntry | undefined =
        type === 0 ? { kind: 'free' } : type === 1 ? { kind: 'offset', offset: a, gen: b } : type === 2 ? { kind: 'compressed', stream: a, index: b } : undefined;
      if (e && !entries.has(start + i)) entries.set(start + i, e);
    }
  }
  return entries;
}

export function findEof(bytes: Uint8Array, from: number): { end: number; eofEnd: number } {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('%%EOF', from, 'latin1');
  if (at < 0) throw unreadable('no %%EOF');
  let end = at + 5;
  const eofEnd = end;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return { end, eofEnd };
}
