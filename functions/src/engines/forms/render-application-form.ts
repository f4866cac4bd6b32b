import { dict, name, pdfDate, PdfString, type PdfRef } from '../pdf/syntax/objects';
import { flateStream } from '../pdf/syntax/filters';
import { formatNumber as n } from '../pdf/syntax/serialize';
import { PdfWriter } from '../pdf/syntax/write-document';
import { OutlineText, type Rgb } from './outline-text';
import { qrRuns } from './qr-path';
import type { FormContent } from './form-layout';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 22;
const LINE_HEIGHT = 15;
const BLACK: Rgb = [0, 0, 0];
const GREY: Rgb = [0.45, 0.45, 0.45];
const LINE: Rgb = [0.6, 0.6, 0.6];

/** Splits a value into lines that fit `width` (CJK text breaks anywhere). */
function wrap(text: string, glyphs: OutlineText, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (glyphs.width(line + ch, size) > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  return [...lines, line];
}

const rule = (x1: number, x2: number, y: number, thickness: number, color: Rgb) =>
  `q ${n(thickness)} w ${color.map(n).join(' ')} RG ${n(x1)} ${n(y)} m ${n(x2)} ${n(y)} l S Q\n`;

/** The reference's QR code, its top left corner at (x, top), `side` points square. */
function qrCode(reference: string, x: number, top: number, side: number): string {
  const qr = qrRuns(reference);
  const s = side / qr.size;
  const rects = qr.runs.map((r) => `${n(x + r.col * s)} ${n(top - (r.row + 1) * s)} ${n(r.length * s)} ${n(s)} re`);
  return `q 0 0 0 rg\n${rects.join('\n')}\nf Q\n`;
}

/**
 * 申请表: the form the applicant prints, signs and brings to the window. Text is drawn as Noto Sans
 * SC outlines with an invisible text layer (outline-text.ts); the reference number printed and as
 * a QR code staff scan to open the application. Deterministic for the same content and date, so
 * it can be regenerated on every download instead of stored.
 */
export async function renderApplicationForm(content: FormContent, generatedAt: Date): Promise<Uint8Array> {
  const glyphs = new OutlineText();
  const pages: string[] = [''];
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const draw = (ops: string) => (pages[pages.length - 1] += ops);
  const text = (s: string, x: number, at: number, size = 11, color = BLACK) => draw(glyphs.draw(s, x, at, size, color));
  const newPageIfNeeded = (needed: number) => {
    if (y - needed > MARGIN) return;
    pages.push('');
    y = A4[1] - MARGIN;
    text(`申请编号：${content.reference}（续）`, MARGIN, y, 10, GREY);
    y -= 24;
  };

  text('深圳市统一电子印章平台', MARGIN, y, 10, GREY);
  y -= 30;
  text(content.title, MARGIN, y, 20);
  y -= 26;
  text(`申请编号：${content.reference}`, MARGIN, y, 12);
  // QR of the reference, top right: 84 pt square with its quiet zone.
  draw(qrCode(content.reference, A4[0] - MARGIN - 84, A4[1] - MARGIN + 4, 84));
  y -= 40;

  for (const section of content.sections) {
    newPageIfNeeded(ROW_HEIGHT * 2);
    text(section.heading, MARGIN, y, 13);
    y -= 8;
    draw(rule(MARGIN, MARGIN + width, y, 0.8, BLACK));
    y -= LINE_HEIGHT + 2;
    for (const [label, value] of section.rows) {
      const lines = wrap(value || '—', glyphs, 10.5, width - LABEL_WIDTH);
      newPageIfNeeded(lines.length * LINE_HEIGHT + 8);
      text(label, MARGIN, y, 10.5, GREY);
      lines.forEach((l, i) => text(l, MARGIN + LABEL_WIDTH, y - i * LINE_HEIGHT, 10.5));
      // The rule sits under the row's last line, clear of the descenders and of the next row.
      const under = y - (lines.length - 1) * LINE_HEIGHT - 6;
      draw(rule(MARGIN, MARGIN + width, under, 0.3, LINE));
      y = under - LINE_HEIGHT;
    }
    y -= 10;
  }

  // The undertaking and signature lines stay together.
  newPageIfNeeded(140);
  y -= 10;
  text('申请人承诺：以上信息真实、准确、完整，所附材料真实有效。', MARGIN, y);
  y -= 40;
  text('申请人（签字）：', MARGIN, y);
  text('企业（盖章）：', MARGIN + width / 2, y);
  y -= 36;
  text('日期：　　　　年　　月　　日', MARGIN, y);
  y -= 40;
  text('请打印本表并签字盖章，携带营业执照、身份证件等相关材料前往办事窗口办理。', MARGIN, y, 9, GREY);
  return writeForm(pages, glyphs, content, generatedAt);
}

function writeForm(pages: string[], glyphs: OutlineText, content: FormContent, generatedAt: Date): Uint8Array {
  const w = new PdfWriter();
  const catalog = w.reserve();
  const tree = w.reserve();
  const resources = w.add(glyphs.resources(w));
  const kids: PdfRef[] = pages.map((ops) =>
    w.add(dict({ Type: name('Page'), Parent: tree, MediaBox: [0, 0, ...A4], Resources: resources, Contents: w.add(flateStream(ops)) })),
  );
  w.set(tree, dict({ Type: name('Pages'), Kids: kids, Count: kids.length }));
  w.set(catalog, dict({ Type: name('Catalog'), Pages: tree }));
  const info = w.add(
    dict({
      Title: PdfString.of(`${content.title} ${content.reference}`),
      Subject: PdfString.of(content.reference),
      Producer: PdfString.of('seal-platform'),
      CreationDate: pdfDate(generatedAt),
      ModDate: pdfDate(generatedAt),
    }),
  );
  return w.save(catalog, info);
}
