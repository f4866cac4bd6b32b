import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cjkFontBytes, upstreamFontkit } from './cjk-font';
import { qrPath } from './qr-path';
import type { FormContent } from './form-content';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 22;
const LINE_HEIGHT = 15;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);
const LINE = rgb(0.6, 0.6, 0.6);

/** Splits a value into lines that fit `width` (CJK text breaks anywhere). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  return [...lines, line];
}

/**
 * 申请表: the form the applicant prints, signs and brings to the window. Chinese text in an
 * embedded subset of Noto Sans SC; the reference number printed and as a QR code staff scan to
 * open the application. Deterministic for the same content (fixed dates), so it can be regenerated
 * on every download instead of stored.
 */
export async function renderApplicationForm(content: FormContent, generatedAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(upstreamFontkit);
  doc.setTitle(`${content.title} ${content.reference}`);
  doc.setSubject(content.reference);
  doc.setProducer('seal-platform');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  const font = await doc.embedFont(cjkFontBytes(), { subset: true });
  let page: PDFPage = doc.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const text = (s: string, x: number, at: number, size = 11, color = BLACK) => page.drawText(s, { x, y: at, size, font, color });
  const newPageIfNeeded = (needed: number) => {
    if (y - needed > MARGIN) return;
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
    text(`申请编号：${content.reference}（续）`, MARGIN, y, 10, GREY);
    y -= 24;
  };

  text('深圳市统一电子印章平台', MARGIN, y, 10, GREY);
  y -= 30;
  text(content.title, MARGIN, y, 20);
  y -= 26;
  text(`申请编号：${content.reference}`, MARGIN, y, 12);
  // QR of the reference, top right: 90 pt square with its quiet zone.
  const qr = qrPath(content.reference);
  const scale = 84 / qr.size;
  page.drawSvgPath(qr.path, { x: A4[0] - MARGIN - 84, y: A4[1] - MARGIN + 4, scale, color: BLACK, borderWidth: 0 });
  y -= 40;

  for (const section of content.sections) {
    newPageIfNeeded(ROW_HEIGHT * 2);
    text(section.heading, MARGIN, y, 13);
    y -= 8;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.8, color: BLACK });
    y -= LINE_HEIGHT + 2;
    for (const [label, value] of section.rows) {
      const lines = wrap(value || '—', font, 10.5, width - LABEL_WIDTH);
      newPageIfNeeded(lines.length * LINE_HEIGHT + 8);
      text(label, MARGIN, y, 10.5, GREY);
      lines.forEach((l, i) => text(l, MARGIN + LABEL_WIDTH, y - i * LINE_HEIGHT, 10.5));
      // The rule sits under the row's last line, clear of the descenders and of the next row.
      const rule = y - (lines.length - 1) * LINE_HEIGHT - 6;
      page.drawLine({ start: { x: MARGIN, y: rule }, end: { x: MARGIN + width, y: rule }, thickness: 0.3, color: LINE });
      y = rule - LINE_HEIGHT;
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
  return doc.save();
}
