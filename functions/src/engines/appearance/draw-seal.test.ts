import { drawSeal } from './draw-seal';
import { sealToPdfOps } from './to-pdf-ops';
import { sealToSvg } from './to-svg';

const company = '深圳市前海示例科技有限公司';

describe('drawSeal', () => {
  it('draws a 42 mm round company seal with ring, star and one outline per character of the name', () => {
    const d = drawSeal({ shape: 'round', star: true, companyName: company });
    expect(Math.round((d.width * 25.4) / 72)).toBe(42);
    // ring + 13 characters + star
    expect(d.shapes).toHaveLength(1 + [...company].length + 1);
    expect(d.shapes[0]!.fillRule).toBe('evenodd');
  });

  it('puts the label under a round seal without a star', () => {
    const d = drawSeal({ shape: 'round', companyName: company, label: '合同专用章' });
    expect(d.shapes).toHaveLength(1 + [...company].length + [...'合同专用章'].length);
  });

  it('draws the invoice seal as a 40 × 30 mm oval with the tax number across it', () => {
    const d = drawSeal({ shape: 'oval', companyName: company, label: '发票专用章', creditCode: '91440300MA5FXXXX1X' });
    expect([Math.round((d.width * 25.4) / 72), Math.round((d.height * 25.4) / 72)]).toEqual([40, 30]);
    expect(d.shapes).toHaveLength(1 + [...company].length + 18 + 5);
  });

  it('fills a two-character name seal to four characters with 之印', () => {
    const d = drawSeal({ shape: 'square', companyName: company, personName: '张三' });
    expect(d.shapes).toHaveLength(1 + 4);
  });

  it('renders glyphs as outlines: SVG paths and PDF fill operators, no text or fonts', () => {
    const d = drawSeal({ shape: 'round', companyName: company, label: '财务专用章' });
    const svg = sealToSvg(d);
    expect(svg).toMatch(/^<svg [^>]*width="42mm"/);
    expect(svg).not.toContain('<text');
    const ops = sealToPdfOps(d);
    expect(ops).toContain('f*');
    expect(ops).not.toMatch(/\bTj\b|\bTf\b/);
    // Every glyph has curves (CFF outlines), so the name is really drawn.
    expect((ops.match(/ c\n/g) ?? []).length).toBeGreaterThan(100);
  });
});
