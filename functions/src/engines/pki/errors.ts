/** Why a PKI input was refused. Thrown only for inputs that cannot be read at all; verification
 * outcomes (a bad signature, an unknown issuer) are results, not exceptions. */
export type PkiErrorCode =
  /** The bytes are not the DER structure expected (certificate, CRL, token, request). */
  | 'PKI_MALFORMED'
  /** A parameter is out of range (validity, serial, key type). */
  | 'PKI_BAD_INPUT'
  /** The key is not one of the algorithm expected (e.g. not P-256 for ecdsa-p256-sha256). */
  | 'PKI_UNSUPPORTED_KEY';

export class PkiError extends Error {
  override readonly name = 'PkiError';
  constructor(
    readonly code: PkiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
