import { createHash } from 'node:crypto';
import { dict, PdfRef, PdfString, type PdfValue } from './objects';
import { serialize, serializeIndirect } from './serialize';

/**
 * Writes a new PDF from scratch: header, numbered objects, a classic xref table and a trailer
 * with Root, Info and an ID derived from the content (same objects → same bytes). The signing
 * engine's incremental writer appends to existing files; this one starts them.
 */
export class PdfWriter {
  private readonly objects: (PdfValue | undefined)[] = [];

  /** A number for an object written later (pages point to their parent before it exists). */
  reserve(): PdfRef {
    this.objects.push(undefined);
    return new PdfRef(this.objects.length, 0);
  }

  add(value: PdfValue): PdfRef {
    const ref = this.reserve();
    this.set(ref, value);
    return ref;
  }

  set(ref: PdfRef, value: PdfValue): void {
    this.objects[ref.num - 1] = value;
  }

  save(root: PdfRef, info: PdfRef): Uint8Array {
    // The binary comment line tells transfer tools the file is binary.
    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let length = chunks[0]!.length;
    const offsets: number[] = [];
    this.objects.forEach((value, i) => {
      if (value === undefined) throw new Error(`PDF object ${i + 1} reserved but never written`);
      const bytes = serializeIndirect(new PdfRef(i + 1, 0), value);
      offsets.push(length);
      chunks.push(bytes);
      length += bytes.length;
    });
    const id = new PdfString(createHash('sha256').update(Buffer.concat(chunks)).digest().subarray(0, 16), true);
    let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    const trailer = dict({ Size: offsets.length + 1, Root: root, Info: info, ID: [id, id] });
    chunks.push(Buffer.from(`${xref}trailer\n${serialize(trailer)}\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
    return new Uint8Array(Buffer.concat(chunks));
  }
}
