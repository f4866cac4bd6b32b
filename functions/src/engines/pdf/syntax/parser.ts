import { PdfInputError, unreadable } from '../errors';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './objects';
import { CEILING } from './bounds';

/** Nesting bound: a hostile file can nest arrays thousands deep to exhaust the stack. */
const MAX_DEPTH = CEILING.depth;

const isWhite = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number): boolean =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number): boolean => !isWhite(c) && !isDelim(c);

export type LengthResolver = (ref: PdfRef) => number | undefined;

/** A small recursive-descent reader of PDF syntax over the file's bytes. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** Reads a bare keyword or number token without consuming delimiters. */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos++;
    return latin1(this.bytes, start, this.pos);
  }

  peekWord(): string {
    const save = this.pos;
    const w = this.word();
    this.pos = save;
    return w;
  }

  expect(keyword: string): void {
    const w = this.word();
    if (w !== keyword) throw unreadable(`expected ${keyword} at ${this.pos}`);
  }

  readInt(): number {
    const w = this.word();
    if (!/^\d{1,15}$/.test(w)) throw unreadable(`expected integer at ${this.pos}`);
    return Number(w);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfInputError('PDF_TOO_LARGE', 'nesting');
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= b.length) throw unreadable('unexpected end of file');
    const c = b[this.pos]!;
    if (c === 0x2f) return this.nameToken();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) return this.dictionary(depth);
      return this.hexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) throw unreadable('unterminated array');
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === '') throw unreadable(`unexpected byte at ${this.pos}`);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "n g R" is a reference: look ahead without committing.
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const g = this.word();
        if (/^\d+$/.test(g) && this.word() === 'R') return new PdfRef(Number(w), Number(g));
        this.pos = save;
      }
      return Number(w);
    }
    throw unreadable(`unexpected token ${w.slice(0, 20)}`);
  }

  private nameToken(): PdfName {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos++;
    const raw = latin1(this.bytes, start, this.pos);
    return new PdfName(raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw);
  }

  private dictionary(depth: number): PdfDict | PdfStream {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    const b = this.bytes;
    for (;;) {
      this.skipSpace();
      if (this.pos >= b.length) throw unreadable('unterminated dictionary');
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      if (b[this.pos] !== 0x2f) throw unreadable(`dictionary key expected at ${this.pos}`);
      const key = this.nameToken().name;
      map.set(key, this.value(depth + 1));
    }
    return new PdfDict(map);
  }

  private hexString(): PdfString {
    const start = this.pos;
    const b = this.bytes;
    const end = b.indexOf(0x3e, start);
    if (end < 0) throw unreadable('unterminated hex string');
    const hex = latin1(b, start + 1, end).replace(/[^0-9a-fA-F]/g, '');
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'), true, start, end + 1);
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++];
        if (n === undefined) break;
        const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (esc[n] !== undefined) out.push(esc[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) return new PdfString(Uint8Array.from(out), false, start, this.pos);
        out.push(c);
      } else out.push(c);
    }
    throw unreadable('unterminated string');
  }
}

export interface IndirectObject {
  ref: PdfRef;
  value: PdfValue;
  /** Byte offset just past `endobj` (or past the value when `endobj` is missing). */
  end: number;
}

/** Reads `n g obj … endobj` at an offset, including a stream body. */
export function parseIndirectObject(bytes: Uint8Array, offset: number, resolveLength?: LengthResolver): IndirectObject {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw unreadable(`object offset ${offset} out of range`);
  const lx = new PdfLexer(bytes, offset);
  const num = lx.readInt();
  const gen = lx.readInt();
  lx.expect('obj');
  let value = lx.value();
  if (value instanceof PdfDict && lx.peekWord() === 'stream') {
    lx.word();
    if (bytes[lx.pos] === 0x0d) lx.pos++;
    if (bytes[lx.pos] === 0x0a) lx.pos++;
    const dataStart = lx.pos;
    let length = value.get('Length');
    if (length instanceof PdfRef) length = resolveLength?.(length) ?? null;
    let dataEnd = typeof length === 'number' && length >= 0 ? dataStart + length : -1;
    if (dataEnd < 0 || dataEnd > bytes.length || !startsWithAfterSpace(bytes, dataEnd, 'endstream')) {
      // Wrong /Length: fall back to the keyword, as viewers do.
      const found = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('endstream', dataStart, 'latin1');
      if (found < 0) throw unreadable('unterminated stream');
      dataEnd = found;
      while (dataEnd > dataStart && (bytes[dataEnd - 1] === 0x0a || bytes[dataEnd - 1] === 0x0d)) dataEnd--;
    }
    value = new PdfStream(value, bytes.subarray(dataStart, dataEnd));
    lx.pos = dataEnd;
    lx.expect('endstream');
  }
  const save = lx.pos;
  if (lx.word() !== 'endobj') lx.pos = save;
  return { ref: new PdfRef(num, gen), value, end: lx.pos };
}

function startsWithAfterSpace(bytes: Uint8Array, pos: number, word: string): boolean {
  let p = pos;
  while (p < bytes.length && isWhite(bytes[p]!)) p++;
  return latin1(bytes, p, p + word.length) === word;
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');
}
