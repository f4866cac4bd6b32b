import { DomainError, type ErrorCode } from '@seal/shared';
import { PdfInputError, type PdfInputErrorCode } from '../../engines/pdf/errors';

const CODES: Record<PdfInputErrorCode, ErrorCode> = {
  PDF_UNREADABLE: 'PDF_UNREADABLE',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  PDF_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  PDF_NOT_SIGNED: 'PDF_NOT_SIGNED',
  PDF_PAGE_NOT_FOUND: 'PDF_PAGE_NOT_FOUND',
  // The reserved space is the engine's constant: a CMS that does not fit is our fault, not the user's.
  PDF_SIGNATURE_TOO_LARGE: 'INTERNAL',
  // A server-held key signs what it was given; a mismatch is ours. (A key on the user's device will map it to a 4xx.)
  PDF_SIGNATURE_VALUE_INVALID: 'INTERNAL',
  PDF_CERTIFIED_NO_CHANGES: 'PDF_CERTIFIED_NO_CHANGES',
  PDF_CERTIFICATION_NOT_FIRST: 'PDF_CERTIFICATION_NOT_FIRST',
};

/** Runs a PDF-engine call and turns its input errors into the API's stable codes. */
export async function withPdfErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PdfInputError) throw new DomainError(CODES[error.code], error.message, undefined, { cause: error });
    throw error;
  }
}
