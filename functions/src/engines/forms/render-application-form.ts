import { dict, name, pdfDate, PdfString, type PdfRef } from '../pdf/syntax/objects';
import { flateStream } from '../pdf/syntax/filters';
import { formatNumber as n } from '../pdf/syntax/serialize';
import { PdfWriter } from '../pdf/syntax/write-document';
import { OutlineText, type Rgb } from './outline-text';
import { qrRuns } from './qr-path';
import type { FormContent } from './form-layout';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 22;
const LINE_HEIGHT = 15;
export const BLACK: Rgb = [0, 0, 0];
export const GREY: Rgb = [0.45, 0.45, 0.45];
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
  return renderFormDocument(content, generatedAt, {
    referenceLabel: '申请编号',
    qrCode: true,
    closing(page) {
      // The undertaking and signature lines stay together.
      page.newPageIfNeeded(140);
      page.y -= 10;
      page.text('申请人承诺：以上信息真实、准确、完整，所附材料真实有效。', MARGIN, page.y);
      page.y -= 40;
      page.text('申请人（签字）：', MARGIN, page.y);
      page.text('企业（盖章）：', MARGIN + page.width / 2, page.y);
      page.y -= 36;
      page.text('日期：　　　　年　　月　　日', MARGIN, page.y);
      page.y -= 40;
      page.text('请打印本表并签字盖章，携带营业执照、身份证件等相关材料前往办事窗口办理。', MARGIN, page.y, 9, GREY);
    },
  });
}

/** The pen of a form being laid out: where the next line goes, and page breaks. */
export interface FormPen {
  y: number;
  readonly width: number;
  text(s: string, x: number, at: number, size?: number, color?: Rgb): void;
  /** Lines of `s` that fit `width` at `size`, drawn from the pen down; returns how many. */
  paragraph(s: string, size: number, color?: Rgb): number;
  newPageIfNeeded(needed: number): void;
}

export interface FormDocumentOptions {
  /** The reference's label in the header (申请编号, 验证编号). */
  referenceLabel: string;
  /** The reference as a QR code, top right (staff scan it). */
  qrCode?: boolean;
  /** Lines under the title, before the sections (a report's bottom line). */
  lead?: (pen: FormPen) => void;
  /** What follows the sections (an undertaking, a note). */
  closing?: (pen: FormPen) => void;
}

/**
 * A form as an A4 PDF: a header (platform, title, reference), sections of labelled rows that wrap
 * and break across pages, then the caller's closing. Deterministic for the same content and date.
 */
export async function renderFormDocument(content: FormContent, generatedAt: Date, options: FormDocumentOptions): Promise<Uint8Array> {
  const glyphs = new OutlineText();
  const pages: string[] = [''];
  const width = A4[0] - 2 * MARGIN;
  const draw = (ops: string) => (pages[pages.length - 1] += ops);
  const pen: FormPen = {
    y: A4[1] - MARGIN,
    width,
    text: (s, x, at, size = 11, color = BLACK) => draw(glyphs.draw(s, x, at, size, color)),
    paragraph(s, size, color = BLACK) {
      const lines = wrap(s, glyphs, size, width);
      for (const line of lines) {
        pen.newPageIfNeeded(size + 6);
        pen.text(line, MARGIN, pen.y, size, color);
        pen.y -= size + 5;
      }
      return lines.length;
    },
    newPageIfNeeded(needed) {
      if (pen.y - needed > MARGIN) return;
      pages.push('');
      pen.y = A4[1] - MARGIN;
      pen.text(`${options.referenceLabel}：${content.reference}（续）`, MARGIN, pen.y, 10, GREY);
      pen.y -= 24;
    },
  };

  pen.text('深圳市统一电子印章平台', MARGIN, pen.y, 10, GREY);
  pen.y -= 30;
  pen.text(content.title, MARGIN, pen.y, 20);
  pen.y -= 26;
  pen.text(`${options.referenceLabel}：${content.reference}`, MARGIN, pen.y, 12);
  // QR of the reference, top right: 84 pt square with its quiet zone.
  if (options.qrCode) draw(qrCode(content.reference, A4[0] - MARGIN - 84, A4[1] - MARGIN + 4, 84));
  pen.y -= 40;
  options.lead?.(pen);

  for (const section of content.sections) {
    pen.newPageIfNeeded(ROW_HEIGHT * 2);
    pen.text(section.heading, MARGIN, pen.y, 13);
    pen.y -= 8;
    draw(rule(MARGIN, MARGIN + width, pen.y, 0.8, BLACK));
    pen.y -= LINE_HEIGHT + 2;
    for (const [label, value] of section.rows) {
      const lines = wrap(value || '—', glyphs, 10.5, width - LABEL_WIDTH);
      pen.newPageIfNeeded(lines.length * LINE_HEIGHT + 8);
      pen.text(label, MARGIN, pen.y, 10.5, GREY);
      lines.forEach((l, i) => pen.text(l, MARGIN + LABEL_WIDTH, pen.y - i * LINE_HEIGHT, 10.5));
      // The rule sits under the row's last line, clear of the descenders and of the next row.
      const under = pen.y - (lines.length - 1) * LINE_HEIGHT - 6;
      draw(rule(MARGIN, MARGIN + width, under, 0.3, LINE));
      pen.y = under - LINE_HEIGHT;
    }
    pen.y -= 10;
  }
  options.closing?.(pen);
  return writeForm(pages, glyphs, `${content.title} ${content.reference}`, content.reference, generatedAt);
}

function writeForm(pages: string[], glyphs: OutlineText, title: string, subject: string, generatedAt: Date): Uint8Array {
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
      Title: PdfString.of(title),
      Subject: PdfString.of(subject),
      Producer: PdfString.of('seal-platform'),
      CreationDate: pdfDate(generatedAt),
      ModDate: pdfDate(generatedAt),
    }),
  );
  return w.save(catalog, info);
}
