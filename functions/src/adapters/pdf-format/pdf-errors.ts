import type { ErrorCode } from '@seal/shared';
import { engineErrors } from '../engine-errors';
import { PdfInputError, type PdfInputErrorCode } from '../../engines/pdf/errors';

const CODES: Record<PdfInputErrorCode, ErrorCode> = {
  PDF_UNREADABLE: 'PDF_UNREADABLE',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  PDF_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  PDF_NOT_SIGNED: 'PDF_NOT_SIGNED',
  PDF_PAGE_NOT_FOUND: 'PDF_PAGE_NOT_FOUND',
  // The reserved space is the engine's constant: a CMS that does not fit is our fault, not the user's.
  PDF_SIGNATURE_TOO_LARGE: 'INTERNAL',
  // A value that does not verify comes from the user's UKey (a server-held key's mismatch is turned back into INTERNAL by signWithKey).
  PDF_SIGNATURE_VALUE_INVALID: 'UKEY_SIGNATURE_INVALID',
  PDF_CERTIFIED_NO_CHANGES: 'PDF_CERTIFIED_NO_CHANGES',
  PDF_CERTIFICATION_NOT_FIRST: 'PDF_CERTIFICATION_NOT_FIRST',
};

/** Runs a PDF-engine call and turns its input errors into the API's stable codes. */
export const withPdfErrors = engineErrors(PdfInputError, CODES);
