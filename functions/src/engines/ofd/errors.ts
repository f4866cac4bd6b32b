import { CodedError } from '../errors/coded-error';

/** Why an OFD could not be read, signed or verified at all (an invalid signature is a report, not an error). */
export type OfdErrorCode =
  | 'OFD_UNREADABLE' // not a zip, or a zip fflate cannot read (encrypted, unknown compression, truncated)
  | 'OFD_TOO_LARGE' // over the entry-count, size or compression-ratio limits
  | 'OFD_BAD_ENTRY_NAME' // an entry name that escapes the package, repeats, or is not a plain path
  | 'OFD_BAD_XML' // malformed XML, a DOCTYPE or entity declaration, or nesting too deep
  | 'OFD_MISSING_PART' // OFD.xml, a document root, a page or a referenced file is absent
  | 'OFD_NOT_SIGNED' // readable, but carries no signature to verify
  | 'OFD_PAGE_NOT_FOUND' // a stamp names a page the document does not have
  | 'OFD_BAD_INPUT'; // a caller-supplied value the package cannot hold

export class OfdError extends CodedError<OfdErrorCode> {
  override readonly name = 'OfdError';
}
