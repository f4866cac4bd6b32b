import { BoundExceeded, CEILING } from '../syntax/bounds';
import type { PdfDocument } from '../syntax/document';
import { dict, name, PdfDict, PdfRef, PdfStream, type PdfValue } from '../syntax/objects';
import { PdfLexer } from '../syntax/parser';
import { serialize, serializeIndirect } from '../syntax/serialize';

/** One row of the cross-reference section written. */
type Row = { kind: 'offset'; offset: number; gen: number } | { kind: 'compressed'; stream: number; index: number };

/**
 * Collects new and changed objects and writes them after the original bytes with a
 * cross-reference section of the same kind as the previous one (table or stream), so the
 * earlier revisions, and every signature over them, stay byte-for-byte as they were.
 *
 * The trailer's /Size is one more than the highest object number in use (ISO 32000-2 §7.5.5), not
 * one more than the last number handed out: a number allocated and then dropped (a widget merged
 * into its field) is given back. A document whose cross-reference chain was rebuilt by scanning
 * gets a complete section of its own instead of a /Prev into a chain that does not hold
 * (decision 0105).
 */
export class IncrementalUpdate {
  private readonly objects = new Map<number, { ref: PdfRef; value: PdfValue }>();
  private next: number;

  constructor(readonly doc: PdfDocument) {
    this.next = doc.size;
  }

  allocate(): PdfRef {
    return new PdfRef(this.next++, 0);
  }

  add(value: PdfValue): PdfRef {
    const ref = this.allocate();
    this.objects.set(ref.num, { ref, value });
    return ref;
  }

  /** Replaces an existing object (or fills an allocated number). */
  set(ref: PdfRef, value: PdfValue): void {
    this.objects.set(ref.num, { ref, value });
  }

  get(ref: PdfRef): PdfValue | undefined {
    return this.objects.get(ref.num)?.value;
  }

  /** Forgets an object of this update; the last number handed out is handed out again. */
  drop(ref: PdfRef): void {
    this.objects.delete(ref.num);
    if (ref.num === this.next - 1 && ref.num >= this.doc.size) this.next--;
  }

  /** The update's bytes, and where each object starts in the whole file. */
  write(): { bytes: Buffer; offsets: Map<number, number> } {
    const doc = this.doc;
    const base = doc.bytes.length;
    // Offsets are written as the file counts them: from its header when that is where it starts.
    const origin = offsetOrigin(doc);
    const lead = doc.bytes[base - 1] === 0x0a || doc.bytes[base - 1] === 0x0d ? '' : '\n';
    const chunks: Buffer[] = [Buffer.from(lead, 'latin1')];
    let pos = lead.length;
    const written = new Map<number, number>();
    for (const { ref, value } of [...this.objects.values()].sort((a, b) => a.ref.num - b.ref.num)) {
      const buf = serializeIndirect(ref, value);
      written.set(ref.num, base + pos);
      chunks.push(buf);
      pos += buf.length;
    }
    let highest = -1;
    for (const num of written.keys()) highest = Math.max(highest, num);
    const size = Math.max(doc.size, highest + 1);
    // The update's own xref stream may take one more number.
    if (size > CEILING.objectNumber) throw new BoundExceeded(`object numbers beyond ${CEILING.objectNumber}`);

    const prev = doc.last;
    const trailer = new PdfDict();
    for (const key of ['Root', 'Info', 'ID']) {
      const v = prev.trailer.get(key);
      if (v !== undefined) trailer.set(key, v);
    }
    // A rebuilt chain has no section to point back to: this one lists every object.
    const rows = doc.reconstructed ? inheritedRows(doc, written) : new Map<number, Row>();
    if (!doc.reconstructed) trailer.set('Prev', prev.xrefOffset - origin);
    for (const [num, at] of written) rows.set(num, { kind: 'offset', offset: at, gen: 0 });
    const hasCompressed = [...rows.values()].some((r) => r.kind === 'compressed');
    const xrefAt = base + pos;

    if (prev.xrefKind === 'stream' || hasCompressed) {
      const self = size;
      rows.set(self, { kind: 'offset', offset: xrefAt, gen: 0 });
      const nums = [...rows.keys()].sort((a, b) => a - b);
      const table = xrefStreamRows(nums.map((n) => rows.get(n)!), origin);
      const d = dict({ Type: name('XRef'), Size: self + 1, W: table.widths, Index: subsections(nums).flat() });
      for (const [k, v] of trailer.map) d.set(k, v);
      chunks.push(serializeIndirect(new PdfRef(self, 0), new PdfStream(d, table.data)));
    } else {
      // A complete table starts with the head of the free list, object 0.
      const nums = [...(doc.reconstructed ? [0] : []), ...[...rows.keys()].sort((a, b) => a - b)];
      let table = 'xref\n';
      for (const [start, count] of subsections(nums)) {
        table += `${start} ${count}\n`;
        for (let n = start; n < start + count; n++) {
          const row = rows.get(n) as Extract<Row, { kind: 'offset' }> | undefined;
          table += row ? `${pad(row.offset - origin, 10)} ${pad(row.gen, 5)} n\r\n` : '0000000000 65535 f\r\n';
        }
      }
      trailer.set('Size', size);
      chunks.push(Buffer.from(table + 'trailer\n' + serialize(trailer) + '\n', 'latin1'));
    }
    chunks.push(Buffer.from(`startxref\n${xrefAt - origin}\n%%EOF\n`, 'latin1'));
    return { bytes: Buffer.concat(chunks), offsets: written };
  }
}

/**
 * Where the file's offsets count from. ISO 32000 counts from the first byte, but readers (poppler,
 * qpdf, pdf.js, Acrobat) count from `%PDF-` when bytes precede it, and so do the files that have
 * such bytes: an update follows the file it extends (its last section was found only from the
 * header), and a rebuilt file is written as readers will read it.
 */
function offsetOrigin(doc: PdfDocument): number {
  if (doc.headerOffset === 0) return 0;
  return doc.reconstructed || doc.last.offsetsFromHeader ? doc.headerOffset : 0;
}

/**
 * Every object the rebuilt revision found, where it really is (the scan's offset, or the one the
 * reader settled on), minus those this update rewrites. The rows are the entries the document
 * already claimed from its budget (bounds.ts), so writing them allocates nothing new per claim.
 */
function inheritedRows(doc: PdfDocument, written: Map<number, number>): Map<number, Row> {
  const rows = new Map<number, Row>();
  for (const [num, entry] of doc.last.entries) {
    if (written.has(num) || num === 0) continue;
    if (entry.kind === 'compressed') rows.set(num, { kind: 'compressed', stream: entry.stream, index: entry.index });
    if (entry.kind !== 'offset') continue;
    const at = doc.offsetOf(num);
    if (at === undefined) continue; // nothing there: the object is free
    rows.set(num, { kind: 'offset', offset: at, gen: generationAt(doc.bytes, at) });
  }
  // An object packed in a stream that is not itself in the section cannot be found by a reader.
  for (const [num, row] of rows) if (row.kind === 'compressed' && rows.get(row.stream)?.kind !== 'offset') rows.delete(num);
  return rows;
}

/** The generation written in `num gen obj` at an object's offset (the scan records none). */
function generationAt(bytes: Uint8Array, at: number): number {
  const lx = new PdfLexer(bytes, at);
  lx.word();
  const gen = Number(lx.word());
  return Number.isInteger(gen) && gen >= 0 && gen <= 65535 ? gen : 0;
}

/**
 * Cross-reference stream rows (type, offset or object stream, generation or index). The widths are
 * [1 4 2] unless a value needs more, as a rebuilt file's object stream with many members may.
 */
function xrefStreamRows(rows: Row[], origin: number): { widths: number[]; data: Buffer } {
  const fields = rows.map((r): [number, number, number] => (r.kind === 'offset' ? [1, r.offset - origin, r.gen] : [2, r.stream, r.index]));
  let max1 = 0;
  let max2 = 0;
  for (const f of fields) {
    max1 = Math.max(max1, f[1]);
    max2 = Math.max(max2, f[2]);
  }
  const width = (max: number, least: number) => Math.max(least, Math.ceil(Math.log2(max + 1) / 8));
  const w1 = width(max1, 4);
  const w2 = width(max2, 2);
  if (w1 > 6 || w2 > 6) throw new BoundExceeded('object numbers beyond what a cross-reference stream can hold');
  const rowBytes = 1 + w1 + w2;
  const data = Buffer.alloc(fields.length * rowBytes);
  fields.forEach(([type, a, b], i) => {
    data.writeUInt8(type, i * rowBytes);
    data.writeUIntBE(a, i * rowBytes + 1, w1);
    data.writeUIntBE(b, i * rowBytes + 1 + w1, w2);
  });
  return { widths: [1, w1, w2], data };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function subsections(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}
