/**
 * What can go wrong with a signing key, in the platform's words. KMS SDK exceptions are
 * translated into these at the adapter boundary (adapters/kms/translate-kms-error.ts), so no
 * caller ever catches an AWS exception class. The lead maps codes to HTTP statuses.
 */
export type KeyCustodyErrorCode =
  /** The key cannot be used now: missing, disabled, pending deletion, or KMS unreachable/throttled. Retry or call operations. */
  | 'KEY_UNAVAILABLE'
  /** The key exists but cannot do the algorithm asked for (wrong spec, usage or curve): a configuration error. */
  | 'KEY_UNSUITABLE'
  /** The stored key does not belong to this company/seal/credential (wrong encryption context or tags). */
  | 'KEY_CONTEXT_MISMATCH'
  /** A setting the custody needs is missing or unknown; thrown at start-up, never per request. */
  | 'KEY_CUSTODY_MISCONFIGURED'
  /** A platform key (root CA, TSA) is not there: the bootstrap step has not made it. */
  | 'PLATFORM_NOT_READY';

export class KeyCustodyError extends Error {
  override readonly name = 'KeyCustodyError';
  constructor(
    readonly code: KeyCustodyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
