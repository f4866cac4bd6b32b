import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A plain document to sign in tests: `pages` A4 pages of text; classic xref table or xref stream. */
export async function samplePdf(options: { pages?: number; xref?: 'table' | 'stream'; padding?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 1); i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Contract page ${i + 1}`, { x: 72, y: 760, size: 18, font });
    page.drawText('The parties agree to the terms below.', { x: 72, y: 730, size: 12, font });
  }
  if (options.padding) {
    // Bulk without pages: an uncompressed stream makes a "10 MB" document cheaply.
    const filler = doc.context.stream(new Uint8Array(options.padding).fill(0x41));
    doc.catalog.set(doc.context.obj('PieceInfo') as never, doc.context.register(filler));
  }
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  return doc.save({ useObjectStreams: options.xref !== 'table' });
}
