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
  | 'OFD_SIGNATURES_PROTECTED' // an existing signature protects the signature list: another one would break it
  | 'OFD_SEAL_MISMATCH' // the seal is not an SES_Seal, or does not list the signer's certificate
  | 'OFD_SIGNATURE_VALUE_INVALID' // the value given to complete a signature is not the signer's SM2 signature over TBS_Sign
  | 'OFD_BAD_INPUT'; // a caller-supplied value the package cannot hold

export class OfdError extends CodedError<OfdErrorCode> {
  override readonly name = 'OfdError';
}
