import { PdfDocument } from '../syntax/document';
import { dict, name, PdfDict, PdfRef, PdfStream, type PdfValue } from '../syntax/objects';
import { serialize, serializeIndirect } from '../syntax/serialize';

/**
 * Collects new and changed objects and writes them after the original bytes with a
 * cross-reference section of the same kind as the previous one (table or stream), so the
 * earlier revisions, and every signature over them, stay byte-for-byte as they were.
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
  drop(ref: PdfRef): void {
    this.objects.delete(ref.num);
  }

  /** The update's bytes, and where each object starts within them. */
  write(): { bytes: Buffer; offsets: Map<number, number> } {
    const base = this.doc.bytes.length;
    const lead = this.doc.bytes[base - 1] === 0x0a || this.doc.bytes[base - 1] === 0x0d ? '' : '\n';
    const chunks: Buffer[] = [Buffer.from(lead, 'latin1')];
    let pos = lead.length;
    const offsets = new Map<number, number>();
    for (const { ref, value } of [...this.objects.values()].sort((a, b) => a.ref.num - b.ref.num)) {
      const buf = serializeIndirect(ref, value);
      offsets.set(ref.num, pos);
      chunks.push(buf);
      pos += buf.length;
    }
    const prev = this.doc.last;
    const trailer = new PdfDict();
    for (const key of ['Root', 'Info', 'ID']) {
      const v = prev.trailer.get(key);
      if (v !== undefined) trailer.set(key, v);
    }
    trailer.set('Prev', prev.xrefOffset);
    const xrefAt = base + pos;
    if (prev.xrefKind === 'stream') {
      const self = this.allocate();
      offsets.set(self.num, pos);
      const nums = [...offsets.keys()].sort((a, b) => a - b);
      const rows = Buffer.alloc(nums.length * 7);
      nums.forEach((num, i) => {
        rows.writeUInt8(1, i * 7);
        rows.writeUInt32BE(base + offsets.get(num)!, i * 7 + 1);
        rows.writeUInt16BE(0, i * 7 + 5);
      });
      const d = dict({ Type: name('XRef'), Size: this.next, W: [1, 4, 2], Index: subsections(nums).flat() });
      for (const [k, v] of trailer.map) d.set(k, v);
      chunks.push(serializeIndirect(self, new PdfStream(d, rows)));
    } else {
      const nums = [...offsets.keys()].sort((a, b) => a - b);
      let table = 'xref\n';
      for (const [start, count] of subsections(nums)) {
        table += `${start} ${count}\n`;
        for (let n = start; n < start + count; n++) table += `${String(base + offsets.get(n)!).padStart(10, '0')} 00000 n\r\n`;
      }
      trailer.set('Size', this.next);
      chunks.push(Buffer.from(table + 'trailer\n' + serialize(trailer) + '\n', 'latin1'));
    }
    chunks.push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return { bytes: Buffer.concat(chunks), offsets: new Map([...offsets].map(([k, v]) => [k, base + v])) };
  }
}

function subsections(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}
