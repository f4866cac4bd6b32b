import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderApplicationForm } from './render-application-form';
import type { FormContent } from './form-layout';
import { requireTools } from '../../../test-support/tools';

const generatedAt = new Date('2026-03-04T05:06:07Z');
const content = (rows = 4): FormContent => ({
  title: '电子印章申请表',
  reference: 'SQ20260304-0042',
  sections: [
    {
      heading: '企业信息',
      rows: [
        ['企业名称', '深圳市星河示例科技有限公司'],
        ['统一社会信用代码', '91440300MA5FXXXX1X'],
        ...Array.from({ length: rows }, (_, i): [string, string] => [
          `授权印章（${i + 1}）`,
          '合同专用章、财务专用章、发票专用章，'.repeat(1 + (i % 3)),
        ]),
      ],
    },
  ],
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'seal-form-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
async function formFile(c: FormContent, name: string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await renderApplicationForm(c, generatedAt));
  return file;
}

/** The page's grey pixels at 50 dpi (PGM) and a counter of dark ones inside a box given in points from the top left. */
function page(file: string, n: number) {
  const prefix = path.join(dir, `page-${path.basename(file)}`);
  poppler('pdftoppm', '-r', '50', '-gray', '-f', String(n), '-l', String(n), '-singlefile', file, prefix);
  const pgm = readFileSync(`${prefix}.pgm`);
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 32))!.map(Number) as [unknown, number, number];
  const pixels = pgm.subarray(pgm.length - w * h);
  const px = (pt: number) => Math.round((pt * 50) / 72);
  return (x1: number, y1: number, x2: number, y2: number) => {
    let dark = 0;
    for (let y = px(y1); y < px(y2); y++) for (let x = px(x1); x < px(x2); x++) if (pixels[y * w + x]! < 160) dark++;
    return dark;
  };
}

describe('the application form PDF', () => {
  it('has the title, the reference and the Chinese labels as text a viewer can search and copy', async () => {
    const text = poppler('pdftotext', '-layout', await formFile(content(), 'text.pdf'), '-').toString('utf8');
    expect(text).toContain('电子印章申请表');
    expect(text).toContain('SQ20260304-0042');
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('申请人承诺：以上信息真实、准确、完整，所附材料真实有效。');
  });

  it('copies characters the font lacks as themselves, though they print as the missing-glyph box', async () => {
    // Two Extension B/G characters of real names; Noto Sans SC draws both as .notdef.
    const c = content(0);
    c.sections[0]!.rows.push(['法定代表人', '王𰻞𡈽']);
    expect(poppler('pdftotext', await formFile(c, 'rare.pdf'), '-').toString('utf8')).toContain('王𰻞𡈽');
  });

  it('draws the text as outlines where it is laid out, and embeds no font', async () => {
    const file = await formFile(content(), 'draw.pdf');
    const dark = page(file, 1);
    // Title: 20 pt at 56 pt from the left, its baseline 86 pt from the top.
    expect(dark(56, 68, 196, 90)).toBeGreaterThan(100);
    // QR code, top right; the empty band between title and QR code stays white.
    expect(dark(455, 52, 539, 136)).toBeGreaterThan(1000);
    expect(dark(300, 60, 440, 120)).toBe(0);
    const fonts = poppler('pdffonts', file).toString('utf8').split('\n').slice(2).filter(Boolean);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^GlyphLessFont\s+CID TrueType\s+Identity-H\s+no\s+no\s+yes/);
  });

  it('carries the title, subject, producer and dates in its metadata', async () => {
    const info = poppler('pdfinfo', '-isodates', await formFile(content(), 'info.pdf')).toString('utf8');
    expect(info).toMatch(/^Title:\s+电子印章申请表 SQ20260304-0042$/m);
    expect(info).toMatch(/^Subject:\s+SQ20260304-0042$/m);
    expect(info).toMatch(/^Producer:\s+seal-platform$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-03-04T05:06:07Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-03-04T05:06:07Z$/m);
    expect(info).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)$/m);
  });

  it('continues on further pages, each headed with the reference', async () => {
    const file = await formFile(content(40), 'long.pdf');
    expect(poppler('pdfinfo', file).toString('utf8')).toMatch(/^Pages:\s+[2-9]$/m);
    expect(poppler('pdftotext', '-f', '2', '-l', '2', file, '-').toString('utf8')).toContain('申请编号：SQ20260304-0042（续）');
    expect(page(file, 2)(56, 40, 300, 70)).toBeGreaterThan(50);
  });

  it('is the same file for the same content and date', async () => {
    const a = await renderApplicationForm(content(), generatedAt);
    expect(Buffer.from(await renderApplicationForm(content(), generatedAt)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(await renderApplicationForm(content(), new Date('2026-03-05T00:00:00Z'))).equals(Buffer.from(a))).toBe(false);
  });

  it('passes qpdf --check', async () => {
    requireTools('qpdf');
    const out = execFileSync('qpdf', ['--check', await formFile(content(40), 'check.pdf')]).toString('utf8');
    expect(out).toContain('No syntax or stream encoding errors found');
  });
});
