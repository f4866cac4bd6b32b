/**
 * The parts of an OpenType (sfnt) file the outline reader needs: the table directory, `head`
 * unitsPerEm, `hhea`/`hmtx` advance widths and `cmap` (formats 4 and 12). Everything is read in
 * place from the file's bytes, on demand: a lookup costs a binary search, not a parse of the font.
 */
export interface SfntTable {
  offset: number;
  length: number;
}

export class SfntFont {
  readonly view: DataView;
  private readonly tables = new Map<string, SfntTable>();
  readonly unitsPerEm: number;
  private readonly hmtx: SfntTable;
  private readonly numberOfHMetrics: number;
  private readonly cmap: { format: 4 | 12; offset: number };

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    const numTables = v.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
      this.tables.set(tag, { offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
    }
    this.unitsPerEm = v.getUint16(this.table('head').offset + 18);
    this.numberOfHMetrics = v.getUint16(this.table('hhea').offset + 34);
    this.hmtx = this.table('hmtx');
    this.cmap = this.unicodeSubtable();
  }

  table(tag: string): SfntTable {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table`);
    return t;
  }

  advanceWidth(glyphId: number): number {
    const i = Math.min(glyphId, this.numberOfHMetrics - 1);
    return this.view.getUint16(this.hmtx.offset + i * 4);
  }

  /** The glyph of a Unicode code point; 0 (.notdef) when the font lacks it. */
  glyphId(codePoint: number): number {
    return this.cmap.format === 12 ? this.lookup12(codePoint) : this.lookup4(codePoint);
  }

  /** Full-Unicode subtables first (format 12), then BMP ones (format 4), as fontkit prefers. */
  private unicodeSubtable(): { format: 4 | 12; offset: number } {
    const v = this.view;
    const base = this.table('cmap').offset;
    const found: { platform: number; encoding: number; format: number; offset: number }[] = [];
    for (let i = 0, n = v.getUint16(base + 2); i < n; i++) {
      const rec = base + 4 + i * 8;
      const offset = base + v.getUint32(rec + 4);
      found.push({ platform: v.getUint16(rec), encoding: v.getUint16(rec + 2), format: v.getUint16(offset), offset });
    }
    const preference = [
      [3, 10],
      [0, 6],
      [0, 4],
      [3, 1],
      [0, 3],
      [0, 2],
      [0, 1],
      [0, 0],
    ];
    for (const [platform, encoding] of preference) {
      const t = found.find((f) => f.platform === platform && f.encoding === encoding && (f.format === 4 || f.format === 12));
      if (t) return { format: t.format as 4 | 12, offset: t.offset };
    }
    throw new Error('font has no Unicode cmap of format 4 or 12');
  }

  private lookup12(cp: number): number {
    const v = this.view;
    const groups = this.cmap.offset + 16;
    let lo = 0;
    let hi = v.getUint32(this.cmap.offset + 12) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = groups + mid * 12;
      if (cp < v.getUint32(at)) hi = mid - 1;
      else if (cp > v.getUint32(at + 4)) lo = mid + 1;
      else return v.getUint32(at + 8) + cp - v.getUint32(at);
    }
    return 0;
  }

  private lookup4(cp: number): number {
    if (cp > 0xffff) return 0;
    const v = this.view;
    const segCount = v.getUint16(this.cmap.offset + 6) / 2;
    const ends = this.cmap.offset + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    if (cp < v.getUint16(starts + lo * 2) || cp > v.getUint16(ends + lo * 2)) return 0;
    const delta = v.getInt16(deltas + lo * 2);
    const rangeAt = rangeOffsets + lo * 2;
    const rangeOffset = v.getUint16(rangeAt);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const g = v.getUint16(rangeAt + rangeOffset + (cp - v.getUint16(starts + lo * 2)) * 2);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  }
}
