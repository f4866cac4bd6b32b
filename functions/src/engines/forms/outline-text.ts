import { fontOutlines, type FontOutlines, type GlyphOutline } from '../fonts/otf-outlines';
import { dict, name, PdfDict } from '../pdf/syntax/objects';
import { formatNumber as n } from '../pdf/syntax/serialize';
import { flateStream } from '../pdf/syntax/filters';
import type { PdfWriter } from '../pdf/syntax/write-document';
import { writeGlyphlessFont, type TextGlyph } from './glyphless-font';

export type Rgb = readonly [number, number, number];

const TEXT_FONT = 'T';
const glyphName = (id: number) => `g${id}`;

/**
 * Text drawn as filled glyph outlines (Noto Sans SC Regular), so it looks the same in every
 * viewer and embeds no font: each glyph is one Form XObject, drawn wherever it occurs. Over it, the
 * same text in render mode 3 (invisible) in a glyphless font, so it can be searched and copied.
 */
export class OutlineText {
  /** Glyphs drawn, by glyph id: each becomes one XObject. */
  private readonly glyphs = new Map<number, GlyphOutline>();
  /** Characters of the text layer, by character: CIDs numbered in order of first use, from 1. */
  private readonly chars = new Map<string, TextGlyph>();

  constructor(private readonly font: FontOutlines = fontOutlines('Regular')) {}

  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.font.glyph(ch.codePointAt(0)!).advanceWidth;
    return (units * size) / this.font.unitsPerEm;
  }

  /** Content-stream operators drawing `text` with its baseline starting at (x, y). */
  draw(text: string, x: number, y: number, size: number, color: Rgb): string {
    const scale = size / this.font.unitsPerEm;
    let ops = `q ${color.map(n).join(' ')} rg ${n(scale)} 0 0 ${n(scale)} ${n(x)} ${n(y)} cm\n`;
    let pen = 0;
    let cids = '';
    for (const ch of text) {
      const glyph = this.font.glyph(ch.codePointAt(0)!);
      this.glyphs.set(glyph.glyphId, glyph);
      if (glyph.commands.length > 0) ops += `q 1 0 0 1 ${n(pen)} 0 cm /${glyphName(glyph.glyphId)} Do Q\n`;
      pen += glyph.advanceWidth;
      cids += this.cid(ch, glyph).toString(16).padStart(4, '0');
    }
    return `${ops}Q\nBT 3 Tr /${TEXT_FONT} ${n(size)} Tf ${n(x)} ${n(y)} Td <${cids}> Tj ET\n`;
  }

  /** The resources every page shares: the glyphs drawn so far and the invisible text font. */
  resources(w: PdfWriter): PdfDict {
    const xobjects = new PdfDict();
    for (const [id, glyph] of this.glyphs) if (glyph.commands.length > 0) xobjects.set(glyphName(id), w.add(glyphXObject(glyph)));
    return dict({ Font: dict({ [TEXT_FONT]: writeGlyphlessFont(w, [...this.chars.values()]) }), XObject: xobjects });
  }

  /**
   * The text layer's code for a character: its own CID, not the glyph id, so characters sharing
   * a glyph (all those the font lacks share .notdef) still copy as themselves.
   */
  private cid(ch: string, glyph: GlyphOutline): number {
    let c = this.chars.get(ch);
    if (!c) {
      c = { cid: this.chars.size + 1, width: Math.round((glyph.advanceWidth * 1000) / this.font.unitsPerEm), text: ch };
      this.chars.set(ch, c);
    }
    return c.cid;
  }
}

/** One glyph's outline as a Form XObject in font units, filled with the colour in effect. */
function glyphXObject(glyph: GlyphOutline) {
  const ops = { moveTo: 'm', lineTo: 'l', bezierCurveTo: 'c', closePath: 'h' } as const;
  let path = '';
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of glyph.commands) {
    c.args.forEach((v, i) => (i % 2 === 0 ? xs : ys).push(v));
    path += `${c.args.map(n).join(' ')}${c.args.length ? ' ' : ''}${ops[c.command]}\n`;
  }
  // Control points bound a Bézier curve, so their box holds the whole outline.
  const bbox = [Math.floor(Math.min(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...xs)), Math.ceil(Math.max(...ys))];
  return flateStream(`${path}f\n`, { Type: name('XObject'), Subtype: name('Form'), BBox: bbox });
}
