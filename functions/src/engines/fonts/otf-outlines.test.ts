import * as fontkit from 'fontkit';
import { fontOutlines, type GlyphOutline } from './otf-outlines';
import { notoSansScBytes, type NotoWeight } from './noto-sans-sc';

interface OracleGlyph {
  id: number;
  advanceWidth: number;
  path: { commands: { command: string; args: number[] }[] };
}
interface OracleFont {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): OracleGlyph;
}

const ascii = Array.from({ length: 95 }, (_, i) => 0x20 + i);
const cjkPunctuation = [...'，。、；：？！「」『』（）《》〈〉【】〔〕…—～·　'].map((c) => c.codePointAt(0)!);
const common = [
  ...'深圳市统一电子印章平台申请编号企业名称法定代表人授权被身份证号码手机领取介质合同专用财务发票注销冻结解冻有限公司科技股份',
].map((c) => c.codePointAt(0)!);
// A stride through the CJK Unified Ideographs block and Extension A: the rare ones.
const sampled = Array.from({ length: 200 }, (_, i) => 0x4e00 + i * 104).concat(Array.from({ length: 40 }, (_, i) => 0x3400 + i * 160));
const rareAndMissing = [0x9fa5, 0x20000, 0x2a6d6, 0xe000, 0x10ffff];
const codePoints = [...ascii, ...cjkPunctuation, ...common, ...sampled, ...rareAndMissing];

/** fontkit's glyph as plain data, the shape the reader returns. */
const asData = (g: OracleGlyph) => ({
  advanceWidth: g.advanceWidth,
  commands: g.path.commands.map((c) => ({ command: c.command, args: c.args })),
});
const mine = (g: GlyphOutline) => ({ advanceWidth: g.advanceWidth, commands: g.commands });

describe.each<NotoWeight>(['Bold', 'Regular'])('Noto Sans SC %s outlines', (weight) => {
  const oracle = fontkit.create(notoSansScBytes(weight)) as unknown as OracleFont;
  const reader = fontOutlines(weight);

  it('has the em size fontkit reads', () => {
    expect(reader.unitsPerEm).toBe(oracle.unitsPerEm);
  });

  it(`draws ${codePoints.length} characters with the same advance and points as fontkit`, () => {
    const differing = codePoints.filter(
      (cp) => JSON.stringify(mine(reader.glyph(cp))) !== JSON.stringify(asData(oracle.glyphForCodePoint(cp))),
    );
    expect(differing.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('maps characters to the glyphs fontkit maps them to', () => {
    expect(codePoints.map((cp) => reader.glyph(cp).glyphId)).toEqual(codePoints.map((cp) => oracle.glyphForCodePoint(cp).id));
  });

  it('gives the .notdef glyph, with an outline, for a character the font lacks', () => {
    const missing = reader.glyph(0xe000);
    expect(missing.glyphId).toBe(0);
    expect(missing.commands.length).toBeGreaterThan(0);
    expect(missing).toEqual(reader.glyphById(0));
  });

  it('draws a hanzi as closed contours', () => {
    const seal = reader.glyph('章'.codePointAt(0)!).commands;
    expect(seal[0]!.command).toBe('moveTo');
    expect(seal.at(-1)!.command).toBe('closePath');
    expect(seal.filter((c) => c.command === 'moveTo').length).toBe(seal.filter((c) => c.command === 'closePath').length);
  });
});
