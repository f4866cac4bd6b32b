import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cjkFontBytes, upstreamFontkit } from './cjk-font';

/** The parties of the demo contract: the names the seals carry. */
export interface ContractParties {
  partyA: string;
  partyB: string;
}

const A4: [number, number] = [595.28, 841.89];

export const CLAUSES = [
  ['第一条 合同标的', '乙方向甲方提供电子印章平台的技术服务，包括印章申请、领取、授权、签章与验证等功能的开发与运维。'],
  ['第二条 服务期限', '本合同自双方签章之日起生效，有效期一年。期满前三十日内双方可协商续签。'],
  ['第三条 费用与支付', '服务费用总额为人民币壹拾贰万元整（¥120,000.00），分四期支付，每季度首月十日前支付当期费用。'],
  ['第四条 双方权利义务', '甲方应按时支付费用并提供必要的配合；乙方应保证服务稳定可用，并对甲方的数据承担保密义务。'],
  ['第五条 保密条款', '未经对方书面同意，任何一方不得向第三方披露本合同内容及履行过程中知悉的商业秘密。'],
  ['第六条 违约责任', '任何一方违反本合同约定的，应赔偿对方因此遭受的直接经济损失。'],
  ['第七条 争议解决', '因本合同引起的争议，双方应协商解决；协商不成的，提交深圳国际仲裁院仲裁。'],
  ['第八条 其他', '本合同以电子形式订立，经双方加盖电子印章后生效，与纸质合同具有同等法律效力。'],
];

/**
 * A three-page contract in Chinese, generated with pdf-lib: the CJK text needs an embedded font
 * (Noto Sans SC, subset to the characters used, as the application form does).
 */
export async function sampleContract(parties: ContractParties, signedOn: Date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(upstreamFontkit);
  const font = await doc.embedFont(cjkFontBytes(), { subset: true });
  doc.setTitle('技术服务合同');
  doc.setCreationDate(signedOn);
  doc.setModificationDate(signedOn);

  const pages = [doc.addPage(A4), doc.addPage(A4), doc.addPage(A4)];
  const [first, second, third] = pages as [PDFPage, PDFPage, PDFPage];
  title(first, font, '技术服务合同');
  let y = 700;
  y = line(first, font, `合同编号：SZ-DEMO-${signedOn.getUTCFullYear()}-0001`, y);
  y = line(first, font, `甲方（委托方）：${parties.partyA}`, y - 10);
  y = line(first, font, `乙方（受托方）：${parties.partyB}`, y);
  y = paragraph(
    first,
    font,
    '甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就乙方向甲方提供技术服务事宜达成如下协议，以资共同遵守。',
    y - 16,
  );
  for (const [heading, text] of CLAUSES.slice(0, 4)) y = clause(first, font, heading!, text!, y);
  y = 760;
  for (const [heading, text] of CLAUSES.slice(4)) y = clause(second, font, heading!, text!, y);
  y = paragraph(second, font, '本合同一式两份，双方各执一份，具有同等效力。（以下无正文）', y - 10);

  title(third, font, '签章页');
  line(third, font, `甲方（盖章）：${parties.partyA}`, 680);
  line(third, font, '法定代表人（签章）：', 560);
  line(third, font, `乙方（盖章）：${parties.partyB}`, 400);
  line(third, font, `签订日期：${signedOn.getUTCFullYear()}年${signedOn.getUTCMonth() + 1}月${signedOn.getUTCDate()}日`, 280);
  pages.forEach((p, i) => p.drawText(`第 ${i + 1} 页 共 ${pages.length} 页`, { x: 262, y: 40, size: 9, font, color: rgb(0.4, 0.4, 0.4) }));
  return doc.save({ useObjectStreams: true });
}

function title(page: PDFPage, font: PDFFont, text: string): void {
  const size = 20;
  page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y: 770, size, font });
}

function line(page: PDFPage, font: PDFFont, text: string, y: number, size = 12): number {
  page.drawText(text, { x: 72, y, size, font });
  return y - size * 1.8;
}

/** Wraps Chinese text by width (any character may break a line). */
function paragraph(page: PDFPage, font: PDFFont, text: string, y: number, size = 11): number {
  const width = A4[0] - 144;
  let current = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(current + ch, size) > width) {
      y = line(page, font, current, y, size);
      current = '';
    }
    current += ch;
  }
  return current ? line(page, font, current, y, size) : y;
}

function clause(page: PDFPage, font: PDFFont, heading: string, text: string, y: number): number {
  return paragraph(page, font, text, line(page, font, heading, y - 8, 12), 11);
}
