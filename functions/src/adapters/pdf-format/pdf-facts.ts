import { PdfDocument } from '../../engines/pdf/syntax/document';
import { pageCount } from '../../engines/pdf/sign/page-tree';
import { findSignatures } from '../../engines/pdf/verify/find-signatures';
import { withPdfErrors } from './pdf-errors';

export interface PdfFacts {
  pages: number;
  signatures: number;
}

/**
 * Page and signature counts for the UIs. The engine's lazy parser reads only the xref sections,
 * the page tree and the AcroForm, so this stays cheap on a 50 MB file. (The engine's index does
 * not export these two helpers yet; this file is the one place that reaches in.)
 */
export function pdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  return withPdfErrors(() => {
    const doc = PdfDocument.open(bytes);
    return { pages: pageCount(doc), signatures: findSignatures(doc).length };
  });
}
