/** The PDF object model: just enough to read revisions, compare objects and write an incremental update. */
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}
export class PdfString {
  /** start/end: the byte span of the token in the file (used to locate /Contents exactly). */
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
    readonly start = -1,
    readonly end = -1,
  ) {}
  static of(text: string): PdfString {
    return new PdfString(encodeTextString(text));
  }
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    return Buffer.from(b).toString('latin1');
  }
}
export class PdfDict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.map.set(key, value);
    return this;
  }
  name(key: string): string | undefined {
    const v = this.map.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }
  clone(): PdfDict {
    return new PdfDict(new Map(this.map));
  }
}
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The stream bytes as stored (still encoded). */
    readonly data: Uint8Array,
  ) {}
}
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export const name = (n: string): PdfName => new PdfName(n);
export const dict = (entries: Record<string, PdfValue>): PdfDict => new PdfDict(new Map(Object.entries(entries)));

/** A PDF date, `D:YYYYMMDDHHmmSSZ` (UTC): signature times and document info dates. */
export function pdfDate(d: Date): PdfString {
  return PdfString.of(`D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`);
}

/** PDF text string: PDFDocEncoding when ASCII, otherwise UTF-16BE with a BOM. */
export function encodeTextString(text: string): Uint8Array {
  if (/^[\x20-\x7e]*$/.test(text)) return Buffer.from(text, 'latin1');
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c >> 8;
    out[3 + i * 2] = c & 0xff;
  }
  return out;
}

/** Structural equality, used to tell whether a later revision really changed an object. */
export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined, depth = 0): boolean {
  if (depth > 64) return false;
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString) return b instanceof PdfString && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i], depth + 1));
  if (a instanceof PdfDict) {
    if (!(b instanceof PdfDict) || a.map.size !== b.map.size) return false;
    for (const [k, v] of a.map) if (!sameValue(v, b.map.get(k), depth + 1)) return false;
    return true;
  }
  if (a instanceof PdfStream)
    return b instanceof PdfStream && sameValue(a.dict, b.dict, depth + 1) && Buffer.from(a.data).equals(Buffer.from(b.data));
  return false;
}
