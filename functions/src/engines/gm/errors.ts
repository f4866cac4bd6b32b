import { CodedError } from '../errors/coded-error';

/** Why an SM2/SM3 operation could not run at all; a signature that does not verify is `false`, not an error. */
export type GmErrorCode =
  | 'GM_BAD_KEY' // not an SM2 key, not on the curve, or a private scalar out of range
  | 'GM_BAD_INPUT' // a digest of the wrong length, a distinguishing ID too long
  | 'GM_BAD_SIGNATURE_ENCODING'; // a signature that is not DER SEQUENCE { r INTEGER, s INTEGER }

export class GmError extends CodedError<GmErrorCode> {
  override readonly name = 'GmError';
}
