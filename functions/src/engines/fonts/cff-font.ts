import { CffIndex, readDict, type Span } from './cff-index';

/** What a charstring needs to run: its bytes, the global subrs and its font dict's local subrs. */
export interface CharStringSource {
  view: DataView;
  charString: Span;
  globalSubrs: CffIndex;
  localSubrs: CffIndex | undefined;
}

const CHARSTRINGS = 17;
const PRIVATE = 18;
const SUBRS = 19;
const ROS = 1230;
const FD_ARRAY = 1236;
const FD_SELECT = 1237;

/**
 * The `CFF ` table of an OpenType font, name-keyed or CID-keyed (FDArray + FDSelect, each font
 * dict with its own Private DICT and local Subrs). Only the header, the Top DICT and the INDEX
 * positions are read up front; a font dict's Private DICT is read the first time a glyph uses it.
 */
export class CffFont {
  private readonly charStrings: CffIndex;
  private readonly globalSubrs: CffIndex;
  private readonly fdArray: CffIndex | undefined;
  private readonly fdSelectAt: number | undefined;
  private readonly privateOf: Span | undefined;
  private readonly localSubrs = new Map<number, CffIndex | undefined>();

  constructor(
    private readonly view: DataView,
    private readonly base: number,
  ) {
    const names = new CffIndex(view, base + view.getUint8(base + 2));
    const topDicts = new CffIndex(view, names.end);
    const strings = new CffIndex(view, topDicts.end);
    this.globalSubrs = new CffIndex(view, strings.end);
    const top = readDict(view, topDicts.get(0)!);
    this.charStrings = new CffIndex(view, base + this.operand(top, CHARSTRINGS, 0));
    if (top.has(ROS)) {
      this.fdArray = new CffIndex(view, base + this.operand(top, FD_ARRAY, 0));
      this.fdSelectAt = base + this.operand(top, FD_SELECT, 0);
    } else {
      this.privateOf = this.privateSpan(top);
    }
  }

  get glyphCount(): number {
    return this.charStrings.count;
  }

  source(glyphId: number): CharStringSource {
    const charString = this.charStrings.get(glyphId) ?? this.charStrings.get(0)!;
    const fd = this.fdArray ? this.fdIndex(glyphId) : 0;
    if (!this.localSubrs.has(fd)) this.localSubrs.set(fd, this.readLocalSubrs(fd));
    return { view: this.view, charString, globalSubrs: this.globalSubrs, localSubrs: this.localSubrs.get(fd) };
  }

  private readLocalSubrs(fd: number): CffIndex | undefined {
    const span = this.fdArray ? this.privateSpan(readDict(this.view, this.fdArray.get(fd)!)) : this.privateOf;
    if (!span) return undefined;
    const subrs = readDict(this.view, span).get(SUBRS);
    // Subrs is an offset from the start of its Private DICT.
    return subrs ? new CffIndex(this.view, span.start + subrs[0]!) : undefined;
  }

  private privateSpan(dict: Map<number, number[]>): Span | undefined {
    const p = dict.get(PRIVATE);
    if (!p) return undefined;
    const [size, offset] = p as [number, number];
    return { start: this.base + offset, end: this.base + offset + size };
  }

  /** FDSelect format 0 (one byte per glyph) or 3 (ranges, binary searched). */
  private fdIndex(glyphId: number): number {
    const v = this.view;
    const at = this.fdSelectAt!;
    const format = v.getUint8(at);
    if (format === 0) return v.getUint8(at + 1 + glyphId);
    if (format !== 3) throw new Error(`unsupported FDSelect format ${format}`);
    let lo = 0;
    let hi = v.getUint16(at + 1) - 1;
    const ranges = at + 3;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (v.getUint16(ranges + mid * 3) <= glyphId) lo = mid;
      else hi = mid - 1;
    }
    return v.getUint8(ranges + lo * 3 + 2);
  }

  private operand(dict: Map<number, number[]>, op: number, i: number): number {
    const v = dict.get(op)?.[i];
    if (v === undefined) throw new Error(`CFF Top DICT lacks operator ${op}`);
    return v;
  }
}
