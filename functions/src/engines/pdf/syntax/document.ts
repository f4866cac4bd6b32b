import { PdfInputError, unreadable } from '../errors';
import { decodeStream } from './filters';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from './objects';
import { latin1, parseIndirectObject, PdfLexer } from './parser';

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number };

/** One revision: the original file or one incremental update, ending at its %%EOF. */
export interface Revision {
  index: number;
  xrefOffset: number;
  xrefKind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset just past this revision's %%EOF marker (and its end-of-line, if any). */
  end: number;
  /** Offset just past the %%EOF marker itself. */
  eofEnd: number;
}

export interface OpenOptions {
  maxBytes?: number;
}
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const MAX_REVISIONS = 500;
const MAX_OBJECTS = 2_000_000;

/**
 * A PDF read lazily: only the cross-reference sections are parsed up front; objects are
 * parsed on demand, so the work grows with what is looked at, not with the page count.
 */
export class PdfDocument {
  private readonly cache = new Map<string, PdfValue | undefined>();
  private readonly objStreams = new Map<number, { data: Uint8Array; offsets: number[]; first: number }>();

  private constructor(
    readonly bytes: Uint8Array,
    /** Oldest first. */
    readonly revisions: Revision[],
  ) {}

  static open(bytes: Uint8Array, options: OpenOptions = {}): PdfDocument {
    if (bytes.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new PdfInputError('PDF_TOO_LARGE');
    if (!latin1(bytes, 0, 1024).includes('%PDF-')) throw unreadable('no %PDF header');
    const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
    const at = tail.lastIndexOf('startxref');
    if (at < 0) throw unreadable('no startxref');
    const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
    if (!m) throw unreadable('bad startxref');
    const newestFirst: Omit<Revision, 'index'>[] = [];
    const seen = new Set<number>();
    let offset: number | undefined = Number(m[1]);
    while (offset !== undefined) {
      if (seen.has(offset) || newestFirst.length >= MAX_REVISIONS) throw unreadable('xref chain loops');
      seen.add(offset);
      const rev = readXrefSection(bytes, offset);
      newestFirst.push(rev);
      const prev = rev.trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    const revisions = newestFirst.reverse().map((r, index) => ({ ...r, index }));
    const doc = new PdfDocument(bytes, revisions);
    if (doc.trailer.get('Encrypt') !== undefined) throw new PdfInputError('PDF_ENCRYPTED');
    doc.readHybridStreams();
    return doc;
  }

  get last(): Revision {
    return this.revisions[this.revisions.length - 1]!;
  }
  get trailer(): PdfDict {
    return this.last.trailer;
  }
  /** The next free object number. */
  get size(): number {
    let size = 0;
    for (const r of this.revisions) {
      const s = r.trailer.get('Size');
      if (typeof s === 'number') size = Math.max(size, s);
      for (const n of r.entries.keys()) size = Math.max(size, n + 1);
    }
    return size;
  }

  /** The cross-reference entry in force for an object at a revision, and the revision that set it. */
  entry(num: number, revision = this.revisions.length - 1): { entry: XrefEntry; revision: number } | undefined {
    for (let r = revision; r >= 0; r--) {
      const e = this.revisions[r]!.entries.get(num);
      if (e) return { entry: e, revision: r };
    }
    return undefined;
  }

  /** The object as it stands at a revision (the newest by default). */
  object(num: number, revision = this.revisions.length - 1): PdfValue | undefined {
    const found = this.entry(num, revision);
    if (!found || found.entry.kind === 'free') return undefined;
    const key = `${num}@${found.revision}`;
    if (this.cache.has(key)) return this.cache.get(key);
    this.cache.set(key, undefined); // breaks /Length reference cycles
    let value: PdfValue | undefined;
    try {
      value = this.load(num, found.entry, revision);
    } catch (e) {
      if (e instanceof PdfInputError && e.code !== 'PDF_UNREADABLE') throw e;
      value = undefined;
    }
    this.cache.set(key, value);
    return value;
  }

  /** Follows a reference (at the newest revision unless told otherwise). */
  resolve(value: PdfValue | undefined, revision = this.revisions.length - 1): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num, revision) : value;
  }
  dict(value: PdfValue | undefined, revision?: number): PdfDict | undefined {
    const v = this.resolve(value, revision);
    return v instanceof PdfDict ? v : v instanceof PdfStream ? v.dict : undefined;
  }

  /** Where an uncompressed object starts, for locating its /Contents exactly. */
  offsetOf(num: number, revision?: number): number | undefined {
    const e = this.entry(num, revision)?.entry;
    return e?.kind === 'offset' ? e.offset : undefined;
  }

  private load(num: number, e: XrefEntry, revision: number): PdfValue | undefined {
    if (e.kind === 'offset') {
      const obj = parseIndirectObject(this.bytes, e.offset, (ref) => {
        const v = this.object(ref.num, revision);
        return typeof v === 'number' ? v : undefined;
      });
      return obj.ref.num === num ? obj.value : undefined;
    }
    if (e.kind !== 'compressed') return undefined;
    const os = this.objectStream(e.stream, revision);
    const off = os.offsets[e.index * 2 + 1];
    if (os.offsets[e.index * 2] !== num || off === undefined) return undefined;
    return new PdfLexer(os.data, os.first + off).value();
  }

  private objectStream(num: number, revision: number): { data: Uint8Array; offsets: number[]; first: number } {
    const cached = this.objStreams.get(num);
    if (cached) return cached;
    const s = this.object(num, revision);
    if (!(s instanceof PdfStream)) throw unreadable('missing object stream');
    const data = decodeStream(s);
    const n = Number(s.dict.get('N'));
    const first = Number(s.dict.get('First'));
    if (!(n >= 0 && n < MAX_OBJECTS && first >= 0)) throw unreadable('bad object stream');
    const lx = new PdfLexer(data);
    const offsets: number[] = [];
    for (let i = 0; i < n * 2; i++) offsets.push(lx.readInt());
    const parsed = { data, offsets, first };
    this.objStreams.set(num, parsed);
    return parsed;
  }

  /** Hybrid files: a classic table whose trailer points at a cross-reference stream for the compressed objects. */
  private readHybridStreams(): void {
    for (const r of this.revisions) {
      const stm = r.trailer.get('XRefStm');
      if (r.xrefKind !== 'table' || typeof stm !== 'number') continue;
      try {
        const extra = readXrefSection(this.bytes, stm).entries;
        for (const [k, v] of extra) if (!r.entries.has(k)) r.entries.set(k, v);
      } catch {
        // A broken hybrid stream leaves the table as it is, as readers do.
      }
    }
  }
}

function readXrefSection(bytes: Uint8Array, offset: number): Omit<Revision, 'index'> {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw unreadable('startxref out of range');
  const lx = new PdfLexer(bytes, offset);
  if (lx.peekWord() === 'xref') return readXrefTable(bytes, lx, offset);
  const obj = parseIndirectObject(bytes, offset);
  if (!(obj.value instanceof PdfStream) || obj.value.dict.name('Type') !== 'XRef') throw unreadable('no cross-reference at startxref');
  return { xrefOffset: offset, xrefKind: 'stream', entries: readXrefStream(obj.value), trailer: obj.value.dict, ...findEof(bytes, obj.end) };
}

function readXrefTable(bytes: Uint8Array, lx: PdfLexer, offset: number): Omit<Revision, 'index'> {
  lx.word();
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const w = lx.word();
    if (w === 'trailer') break;
    if (!/^\d+$/.test(w)) throw unreadable('bad xref subsection');
    const start = Number(w);
    const count = lx.readInt();
    if (start + count > MAX_OBJECTS) throw new PdfInputError('PDF_TOO_LARGE', 'objects');
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

function readXrefStream(stream: PdfStream): Map<number, XrefEntry> {
  const data = decodeStream(stream);
  const w = stream.dict.get('W');
  if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) throw unreadable('bad /W');
  const [w0, w1, w2] = w as number[];
  const size = Number(stream.dict.get('Size'));
  const index = stream.dict.get('Index');
  const ranges = Array.isArray(index) ? (index as number[]) : [0, size];
  const rowLen = w0! + w1! + w2!;
  const entries = new Map<number, XrefEntry>();
  let p = 0;
  const field = (len: number, dflt: number): number => {
    if (len === 0) return dflt;
    let v = 0;
    for (let i = 0; i < len; i++) v = v * 256 + (data[p++] ?? 0);
    return v;
  };
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const start = Number(ranges[r]);
    const count = Number(ranges[r + 1]);
    if (!(start >= 0 && count >= 0 && start + count <= MAX_OBJECTS)) throw unreadable('bad /Index');
    for (let i = 0; i < count && p + rowLen <= data.length; i++) {
      const type = field(w0!, 1);
      const a = field(w1!, 0);
      const b = field(w2!, 0);
      const e: XrefEntry = type === 0 ? { kind: 'free' } : type === 1 ? { kind: 'offset', offset: a, gen: b } : { kind: 'compressed', stream: a, index: b };
      if (type <= 2) entries.set(start + i, e);
    }
  }
  return entries;
}

function findEof(bytes: Uint8Array, from: number): { end: number; eofEnd: number } {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('%%EOF', from, 'latin1');
  if (at < 0) throw unreadable('no %%EOF');
  let end = at + 5;
  const eofEnd = end;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return { end, eofEnd };
}
