/**
 * CFF building blocks (Adobe TN 5176): INDEX (a counted array of byte runs) and DICT (operands
 * followed by an operator). An INDEX is kept as its offsets' position, so looking up one entry of
 * a 30 000-glyph CharStrings INDEX reads two offsets, not all of them.
 */
export interface Span {
  start: number;
  end: number;
}

export class CffIndex {
  readonly count: number;
  private readonly offSize: number;
  private readonly offsetsAt: number;
  private readonly dataAt: number;
  /** Where the INDEX ends: the next structure starts here. */
  readonly end: number;

  constructor(
    private readonly view: DataView,
    at: number,
  ) {
    this.count = view.getUint16(at);
    if (this.count === 0) {
      this.offSize = 1;
      this.offsetsAt = this.dataAt = this.end = at + 2;
      return;
    }
    this.offSize = view.getUint8(at + 2);
    this.offsetsAt = at + 3;
    this.dataAt = this.offsetsAt + (this.count + 1) * this.offSize - 1;
    this.end = this.dataAt + this.offset(this.count);
  }

  /** Entry i's bytes, or undefined past the end. */
  get(i: number): Span | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return { start: this.dataAt + this.offset(i), end: this.dataAt + this.offset(i + 1) };
  }

  private offset(i: number): number {
    let at = this.offsetsAt + i * this.offSize;
    let n = 0;
    for (let k = 0; k < this.offSize; k++) n = n * 256 + this.view.getUint8(at++);
    return n;
  }
}

/** A DICT as operator → operands; two-byte operators are keyed 1200 + second byte (12 36 → 1236). */
export function readDict(view: DataView, span: Span): Map<number, number[]> {
  const dict = new Map<number, number[]>();
  let operands: number[] = [];
  let at = span.start;
  while (at < span.end) {
    const b = view.getUint8(at++);
    if (b <= 21) {
      const op = b === 12 ? 1200 + view.getUint8(at++) : b;
      dict.set(op, operands);
      operands = [];
    } else if (b === 28) {
      operands.push(view.getInt16(at));
      at += 2;
    } else if (b === 29) {
      operands.push(view.getInt32(at));
      at += 4;
    } else if (b === 30) {
      const real = readReal(view, at);
      operands.push(real.value);
      at = real.end;
    } else if (b >= 32 && b <= 246) operands.push(b - 139);
    else if (b >= 247 && b <= 250) operands.push((b - 247) * 256 + view.getUint8(at++) + 108);
    else if (b >= 251 && b <= 254) operands.push(-(b - 251) * 256 - view.getUint8(at++) - 108);
    else throw new Error(`bad CFF DICT byte ${b}`);
  }
  return dict;
}

/** A DICT real: BCD nibbles (0-9 . E E- - ) ending with nibble 0xf. */
function readReal(view: DataView, at: number): { value: number; end: number } {
  const symbols = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '', '-'];
  let text = '';
  for (;;) {
    const byte = view.getUint8(at++);
    for (const nibble of [byte >> 4, byte & 15]) {
      if (nibble === 15) return { value: Number(text), end: at };
      text += symbols[nibble] ?? '';
    }
  }
}

/** The subroutine number bias: a charstring calls subr `n + bias`. */
export function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}
