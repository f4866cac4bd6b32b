import { CodedError } from '../errors/coded-error';

/** Why a seal (印章数据) or seal signature (签章数据) could not be read at all. */
export type SesErrorCode =
  | 'SES_MALFORMED' // not DER of any SES_Seal / SES_Signature version we know
  | 'SES_UNSUPPORTED_VERSION' // a header or TBS_Sign version other than 1–4
  | 'SES_BAD_INPUT'; // a value to write that the structure cannot hold (e.g. a non-ASCII esID)

export class SesError extends CodedError<SesErrorCode> {
  override readonly name = 'SesError';
}
