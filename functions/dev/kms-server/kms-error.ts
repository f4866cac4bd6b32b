/**
 * An error the way KMS reports it: HTTP 400 with `{ "__type": "<Name>Exception", "message" }`.
 * The AWS SDK reads `__type` and throws the matching exception class, so callers see
 * exactly what they would see against real KMS.
 */
export type KmsErrorType =
  | 'AlreadyExistsException'
  | 'DisabledException'
  | 'IncorrectKeyException'
  | 'InvalidAliasNameException'
  | 'InvalidArnException'
  | 'InvalidCiphertextException'
  | 'InvalidKeyUsageException'
  | 'InvalidMarkerException'
  | 'KMSInternalException'
  | 'KMSInvalidMacException'
  | 'KMSInvalidSignatureException'
  | 'KMSInvalidStateException'
  | 'NotFoundException'
  | 'SerializationException'
  | 'TagException'
  | 'UnknownOperationException'
  | 'UnsupportedOperationException'
  | 'ValidationException';

export class KmsError extends Error {
  override readonly name = 'KmsError';
  constructor(
    readonly type: KmsErrorType,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const notFound = (what: string): KmsError => new KmsError('NotFoundException', `${what} is not found.`);
export const invalid = (message: string): KmsError => new KmsError('ValidationException', message);
