import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A plain multi-page contract to sign (Latin text: the journeys check signing, not typesetting). */
export async function samplePdf(pages = 3): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Service contract - page ${i} of ${pages}`, { x: 72, y: 760, size: 18, font });
    page.drawText('Party A and Party B agree to the terms below.', { x: 72, y: 720, size: 12, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** One byte changed inside the signed range (the header's binary comment): the signature must break. */
export function tamper(pdf: Uint8Array): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('%', 1);
  copy[at + 1] = copy[at + 1]! ^ 0x01;
  return copy;
}
