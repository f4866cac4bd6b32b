import type { DocumentDescription, DocumentReader } from '../../ports/document-format';
import { PdfDocument } from '../../engines/pdf/syntax/document';
import { findPages, pageCount } from '../../engines/pdf/sign/page-tree';
import { findSignatures } from '../../engines/pdf/verify/find-signatures';
import { readCertification } from '../../engines/pdf/verify/certification';
import { withPdfErrors } from './pdf-errors';

/**
 * Page and signature counts and the certification level (and page sizes when asked). The engine's
 * lazy parser reads only the xref sections, the page tree, the AcroForm and the catalog's /Perms,
 * so counting stays cheap on a 50 MB file; page sizes read every page object. (The engine's index does not export these helpers; this adapter is
 * the one place that reaches in.)
 */
export function describePdf(bytes: Uint8Array, options: { pageSizes?: boolean } = {}): Promise<DocumentDescription> {
  return withPdfErrors(() => {
    const doc = PdfDocument.open(bytes);
    const pages = pageCount(doc);
    const description: DocumentDescription = { format: 'pdf', pages, signatures: findSignatures(doc).length };
    const certification = readCertification(doc);
    if (certification) description.certificationLevel = certification.level;
    if (options.pageSizes) {
      const found = findPages(doc, [...Array(pages).keys()]);
      description.pageSizes = [...Array(pages).keys()].map((i) => {
        const [llx, lly, urx, ury] = found.get(i)!.mediaBox;
        return { width: Math.abs(urx - llx), height: Math.abs(ury - lly) };
      });
    }
    return description;
  });
}

/** Reading only: what a function that shows a document's counts carries. */
export const pdfReader: DocumentReader = { format: 'pdf', describe: describePdf };
