import { CffFont } from './cff-font';
import { runCharString, type OutlineCommand } from './cff-charstring';
import { notoSansScBytes, type NotoWeight } from './noto-sans-sc';
import { SfntFont } from './sfnt-tables';

export type { OutlineCommand } from './cff-charstring';

/** One character's glyph: advance and outline in font units, y up (as fontkit gives them). */
export interface GlyphOutline {
  glyphId: number;
  advanceWidth: number;
  commands: OutlineCommand[];
}

export interface FontOutlines {
  unitsPerEm: number;
  /** A code point the font lacks gives the .notdef glyph (id 0). */
  glyph(codePoint: number): GlyphOutline;
  /** By glyph id, for callers that already mapped characters (ids past the end give .notdef). */
  glyphById(glyphId: number): GlyphOutline;
  glyphCount: number;
}

/**
 * Glyph outlines of an OpenType/CFF font, read straight from its bytes: opening costs the table
 * directory and a few headers; each glyph is decoded the first time it is asked for and kept.
 */
export function openOutlines(bytes: Uint8Array): FontOutlines {
  const sfnt = new SfntFont(bytes);
  const cff = new CffFont(sfnt.view, sfnt.table('CFF ').offset);
  const byGlyph = new Map<number, GlyphOutline>();
  const glyphById = (id: number): GlyphOutline => {
    const glyphId = id >= 0 && id < cff.glyphCount ? id : 0;
    let g = byGlyph.get(glyphId);
    if (!g) {
      g = { glyphId, advanceWidth: sfnt.advanceWidth(glyphId), commands: runCharString(cff.source(glyphId)) };
      byGlyph.set(glyphId, g);
    }
    return g;
  };
  return {
    unitsPerEm: sfnt.unitsPerEm,
    glyphCount: cff.glyphCount,
    glyph: (codePoint) => glyphById(sfnt.glyphId(codePoint)),
    glyphById,
  };
}

const opened = new Map<NotoWeight, FontOutlines>();

/** Noto Sans SC outlines: Bold for seal lettering, Regular for form text. One reader per weight. */
export function fontOutlines(weight: NotoWeight): FontOutlines {
  let f = opened.get(weight);
  if (!f) {
    f = openOutlines(notoSansScBytes(weight));
    opened.set(weight, f);
  }
  return f;
}
