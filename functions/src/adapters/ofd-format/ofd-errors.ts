import type { ErrorCode } from '@seal/shared';
import { engineErrors } from '../engine-errors';
import { OfdError, type OfdErrorCode } from '../../engines/ofd/errors';

const CODES: Record<OfdErrorCode, ErrorCode> = {
  OFD_UNREADABLE: 'OFD_UNREADABLE',
  OFD_TOO_LARGE: 'OFD_TOO_LARGE',
  OFD_BAD_ENTRY_NAME: 'OFD_UNREADABLE',
  OFD_BAD_XML: 'OFD_UNREADABLE',
  OFD_MISSING_PART: 'OFD_UNREADABLE',
  OFD_NOT_SIGNED: 'PDF_NOT_SIGNED',
  OFD_PAGE_NOT_FOUND: 'PDF_PAGE_NOT_FOUND',
  OFD_SIGNATURES_PROTECTED: 'OFD_SIGNATURES_PROTECTED',
  // The seal's 印章数据 does not list the signer's certificate: made before the certificate (a UKey's), or none yet.
  OFD_SEAL_MISMATCH: 'SEAL_DATA_MISSING',
  // As for PDF: a value that does not verify comes from the user's UKey (signWithKey turns a server-held key's into INTERNAL).
  OFD_SIGNATURE_VALUE_INVALID: 'UKEY_SIGNATURE_INVALID',
  // Placements are validated at the edge; what still reaches the engine as bad input is a request it cannot place.
  OFD_BAD_INPUT: 'VALIDATION_FAILED',
};

/** Runs an OFD-engine call and turns its errors into the API's stable codes. */
export const withOfdErrors = engineErrors(OfdError, CODES);
