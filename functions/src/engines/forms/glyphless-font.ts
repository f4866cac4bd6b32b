import { dict, name, PdfString, type PdfRef } from '../pdf/syntax/objects';
import { flateStream } from '../pdf/syntax/filters';
import type { PdfWriter } from '../pdf/syntax/write-document';

/** A character of the invisible text layer: its CID, advance in 1/1000 em, and its text. */
export interface TextGlyph {
  cid: number;
  width: number;
  text: string;
}

/**
 * A Type0 font with no glyphs of its own, for text drawn in render mode 3 (invisible) over the
 * outlines: viewers find, select and copy it through /W (advances, so selections line up) and
 * the ToUnicode CMap. Nothing is embedded; the pattern OCR tools use for their text layer.
 */
export function writeGlyphlessFont(w: PdfWriter, glyphs: TextGlyph[]): PdfRef {
  const sorted = [...glyphs].sort((a, b) => a.cid - b.cid);
  const descriptor = w.add(
    dict({
      Type: name('FontDescriptor'),
      FontName: name('GlyphLessFont'),
      Flags: 4,
      FontBBox: [0, -120, 1000, 880],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 733,
      StemV: 80,
    }),
  );
  const cidFont = w.add(
    dict({
      Type: name('Font'),
      Subtype: name('CIDFontType2'),
      BaseFont: name('GlyphLessFont'),
      CIDSystemInfo: dict({ Registry: PdfString.of('Adobe'), Ordering: PdfString.of('Identity'), Supplement: 0 }),
      FontDescriptor: descriptor,
      CIDToGIDMap: name('Identity'),
      DW: 1000,
      W: sorted.flatMap((g) => [g.cid, [g.width]]),
    }),
  );
  return w.add(
    dict({
      Type: name('Font'),
      Subtype: name('Type0'),
      BaseFont: name('GlyphLessFont'),
      Encoding: name('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: w.add(flateStream(toUnicodeCMap(sorted))),
    }),
  );
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const utf16Hex = (text: string) => [...text].map((c) => Buffer.from(c, 'utf16le').swap16().toString('hex')).join('');

/** CID → Unicode, in blocks of at most 100 entries as the CMap format requires. */
function toUnicodeCMap(glyphs: TextGlyph[]): string {
  let body = '';
  for (let i = 0; i < glyphs.length; i += 100) {
    const block = glyphs.slice(i, i + 100);
    body += `${block.length} beginbfchar\n${block.map((g) => `<${hex4(g.cid)}> <${utf16Hex(g.text)}>`).join('\n')}\nendbfchar\n`;
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <ffff>\nendcodespacerange',
    body + 'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
    '',
  ].join('\n');
}
