import type { DocumentVerifier } from '../../ports/document-format';
import { verifyPdf } from '../../engines/pdf/verify';
import { withPdfErrors } from './pdf-errors';

/** PDF verification: the engine's frozen report, with the caller's trust and revocation answers. */
export const pdfVerifier: DocumentVerifier = {
  format: 'pdf',
  verify: (bytes, options) => withPdfErrors(() => verifyPdf(bytes, options)),
};
