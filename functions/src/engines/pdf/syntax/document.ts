import { PdfInputError, unreadable } from '../errors';
import { BoundExceeded, Budget, CEILING } from './bounds';
import { objectStreamHeader, type ObjectStream } from './object-stream';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from './objects';
import { latin1, parseIndirectObject, PdfLexer } from './parser';
import { reconstructRevision, scanObjectHeaders } from './reconstruct';
import { readXrefSection, type Revision, type XrefEntry, type XrefSection } from './xref';

export type { Revision, XrefEntry } from './xref';

export interface OpenOptions {
  maxBytes?: number;
}

/** How far from the start a header may sit (some producers put bytes before it). */
const HEADER_WINDOW = 1024;
/** How far from the end startxref may sit (some producers append padding after %%EOF). */
const TAIL_WINDOW = 8192;

/**
 * A PDF read lazily: only the cross-reference sections are parsed up front; objects are
 * parsed on demand, so the work grows with what is looked at, not with the page count.
 * A broken cross-reference chain is rebuilt by scanning; every count the file claims is bounded
 * by its size before it is allocated (bounds.ts).
 */
export class PdfDocument {
  private readonly cache = new Map<string, PdfValue | undefined>();
  private readonly objStreams = new Map<string, ObjectStream | null>();
  private scanned: Map<number, number[]> | undefined;

  private constructor(
    readonly bytes: Uint8Array,
    /** Oldest first. */
    readonly revisions: Revision[],
    /** Where `%PDF-` starts; offsets are tried from the file start, then from here. */
    readonly headerOffset: number,
    readonly budget: Budget,
  ) {}

  static open(bytes: Uint8Array, options: OpenOptions = {}): PdfDocument {
    if (bytes.length > Math.min(options.maxBytes ?? CEILING.bytes, CEILING.bytes)) throw new PdfInputError('PDF_TOO_LARGE');
    const headerOffset = latin1(bytes, 0, HEADER_WINDOW).indexOf('%PDF-');
    if (headerOffset < 0) throw unreadable('no %PDF header');
    const budget = new Budget(bytes.length);
    let sections: XrefSection[];
    try {
      sections = readChain(bytes, headerOffset, budget);
    } catch (e) {
      if (e instanceof BoundExceeded || (e instanceof PdfInputError && e.code !== 'PDF_UNREADABLE')) throw e;
      sections = [];
    }
    let scanned: Map<number, number[]> | undefined;
    const root = sections.map((s) => s.trailer.get('Root')).find((r) => r instanceof PdfRef);
    if (root && !(sections[0]!.trailer.get('Root') instanceof PdfRef)) sections[0]!.trailer.set('Root', root);
    if (!root) {
      // As viewers do: rebuild the table from the objects found in the file.
      const rebuildBudget = new Budget(bytes.length);
      scanned = scanObjectHeaders(bytes, rebuildBudget);
      sections = [reconstructRevision(bytes, scanned, rebuildBudget)];
    }
    const revisions = sections.reverse().map((r, index) => ({ ...r, index }));
    const doc = new PdfDocument(bytes, revisions, headerOffset, budget);
    doc.scanned = scanned;
    if (doc.trailer.get('Encrypt') !== undefined) throw new PdfInputError('PDF_ENCRYPTED');
    doc.readHybridStreams();
    doc.checkPageCount();
    return doc;
  }

  get last(): Revision {
    return this.revisions[this.revisions.length - 1]!;
  }
  get trailer(): PdfDict {
    return this.last.trailer;
  }
  /** True when the cross-reference chain was broken and one revision was rebuilt by scanning. */
  get reconstructed(): boolean {
    return this.last.reconstructed === true;
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

  /** How many objects the newest revision defines (each page needs one of its own). */
  objectCount(): number {
    const seen = new Set<number>();
    let count = 0;
    for (let r = this.revisions.length - 1; r >= 0; r--) {
      for (const [n, e] of this.revisions[r]!.entries) {
        if (seen.has(n)) continue;
        seen.add(n);
        if (e.kind !== 'free') count++;
      }
    }
    return count;
  }

  /** The cross-reference entry in force for an object at a revision, and the revision that set it. */
  entry(num: number, revision = this.revisions.length - 1): { entry: XrefEntry; revision: number } | undefined {
    for (let r = revision; r >= 0; r--) {
      const e = this.revisions[r]!.entries.get(num);
      if (e) return { entry: e, revision: r };
    }
    return undefined;
  }

  /** Whether the object is defined (in use) at a revision. */
  defined(num: number, revision = this.revisions.length - 1): boolean {
    const e = this.entry(num, revision)?.entry;
    return e !== undefined && e.kind !== 'free';
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
      value = this.load(num, found.entry, found.revision);
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

  /** Where an uncompressed object really starts (for locating a signature's /Contents exactly). */
  offsetOf(num: number, revision?: number): number | undefined {
    const found = this.entry(num, revision);
    if (found?.entry.kind !== 'offset') return undefined;
    return this.locate(num, found.entry.offset, found.revision);
  }

  /**
   * The offset of `num obj` for an entry: as written, else shifted by the header's offset, else
   * the last definition found by scanning before the revision's end (viewers repair the same way;
   * staying before the end keeps an older revision's view of the object).
   */
  private locate(num: number, offset: number, setBy: number): number | undefined {
    if (this.startsObject(num, offset)) return offset;
    if (this.headerOffset > 0 && this.startsObject(num, offset + this.headerOffset)) return offset + this.headerOffset;
    const end = this.revisions[setBy]!.end;
    if (!this.scanned) {
      try {
        this.scanned = scanObjectHeaders(this.bytes, new Budget(this.bytes.length));
      } catch {
        this.scanned = new Map(); // scanned once, whatever it found
      }
    }
    const candidates = this.scanned.get(num) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i]! < end) return candidates[i];
    return undefined;
  }

  private startsObject(num: number, offset: number): boolean {
    if (!(offset >= 0 && offset < this.bytes.length)) return false;
    const lx = new PdfLexer(this.bytes, offset);
    return lx.word() === String(num) && /^\d+$/.test(lx.word()) && lx.word() === 'obj';
  }

  private load(num: number, e: XrefEntry, setBy: number): PdfValue | undefined {
    if (e.kind === 'offset') {
      const parse = (at: number) => {
        const obj = parseIndirectObject(this.bytes, at, (ref) => {
          const v = this.object(ref.num, setBy);
          return typeof v === 'number' ? v : undefined;
        });
        return obj.ref.num === num ? { value: obj.value } : undefined;
      };
      const direct = this.startsObject(num, e.offset) ? parse(e.offset) : undefined;
      if (direct) return direct.value;
      const at = this.locate(num, e.offset, setBy);
      return at === undefined ? undefined : parse(at)?.value;
    }
    if (e.kind !== 'compressed') return undefined;
    const os = this.objectStream(e.stream, setBy);
    if (!os || os.numbers[e.index] !== num) return undefined;
    const off = os.offsets[e.index]!;
    return new PdfLexer(os.data, os.first + off).value();
  }

  /** An object stream as the given revision sees it (a later update may redefine the number). */
  private objectStream(num: number, revision: number): ObjectStream | null {
    const found = this.entry(num, revision);
    const key = `${num}@${found?.revision ?? -1}`;
    const cached = this.objStreams.get(key);
    if (cached !== undefined) return cached;
    this.objStreams.set(key, null);
    const s = this.object(num, revision);
    if (!(s instanceof PdfStream)) return null;
    let parsed: ObjectStream | null = null;
    try {
      parsed = objectStreamHeader(s, this.budget);
    } catch (e) {
      if (e instanceof PdfInputError && e.code !== 'PDF_UNREADABLE') throw e;
    }
    this.objStreams.set(key, parsed);
    return parsed;
  }

  /** Hybrid files: a classic table whose trailer points at a cross-reference stream for the compressed objects. */
  private readHybridStreams(): void {
    for (const r of this.revisions) {
      const stm = r.trailer.get('XRefStm');
      if (r.xrefKind !== 'table' || typeof stm !== 'number') continue;
      try {
        const extra = readXrefSection(this.bytes, stm, this.budget).entries;
        for (const [k, v] of extra) if (!r.entries.has(k)) r.entries.set(k, v);
      } catch (e) {
        // A broken hybrid stream leaves the table as it is, as readers do; a hostile one is refused.
        if (e instanceof PdfInputError && e.code !== 'PDF_UNREADABLE') throw e;
      }
    }
  }

  /**
   * A page tree that claims more pages than the file has objects cannot be true (each page is an
   * object of its own): refused here, before a caller sizes anything by /Count.
   */
  private checkPageCount(): void {
    const pages = this.dict(this.dict(this.trailer.get('Root'))?.get('Pages'));
    const count = pages?.get('Count');
    if (typeof count === 'number' && count > this.objectCount()) throw new BoundExceeded(`page tree claims ${count} pages, the file holds ${this.objectCount()} objects`);
  }
}

/** The chain of sections from the last startxref back through /Prev, newest first. */
function readChain(bytes: Uint8Array, headerOffset: number, budget: Budget): XrefSection[] {
  const tail = latin1(bytes, Math.max(0, bytes.length - TAIL_WINDOW), bytes.length);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw unreadable('no startxref');
  const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
  if (!m) throw unreadable('bad startxref');
  const newestFirst: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = Number(m[1]);
  while (offset !== undefined) {
    if (seen.has(offset)) throw unreadable('xref chain loops');
    if (newestFirst.length >= budget.maxRevisions) throw new PdfInputError('PDF_TOO_LARGE', 'revisions');
    seen.add(offset);
    newestFirst.push(readSectionNear(bytes, offset, headerOffset, budget));
    const prev = newestFirst[newestFirst.length - 1]!.trailer.get('Prev');
    offset = typeof prev === 'number' ? prev : undefined;
  }
  return newestFirst;
}

function readSectionNear(bytes: Uint8Array, offset: number, headerOffset: number, budget: Budget): XrefSection {
  try {
    return readXrefSection(bytes, offset, budget);
  } catch (e) {
    if (headerOffset === 0 || e instanceof BoundExceeded || (e instanceof PdfInputError && e.code !== 'PDF_UNREADABLE')) throw e;
    return { ...readXrefSection(bytes, offset + headerOffset, budget), offsetsFromHeader: true };
  }
}
