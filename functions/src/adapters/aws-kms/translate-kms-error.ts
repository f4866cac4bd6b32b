import { KMSServiceException } from '@aws-sdk/client-kms';
import { KeyCustodyError, type KeyCustodyErrorCode } from './key-custody-error';

/** KMS exception name → what it means for the platform. Anything unlisted is KEY_UNAVAILABLE. */
const CODE_BY_EXCEPTION: Readonly<Record<string, KeyCustodyErrorCode>> = {
  // The ciphertext was wrapped under another encryption context, or is not ours at all.
  InvalidCiphertextException: 'KEY_CONTEXT_MISMATCH',
  IncorrectKeyException: 'KEY_CONTEXT_MISMATCH',
  // The key cannot do what was asked: configuration, not a passing fault.
  InvalidKeyUsageException: 'KEY_UNSUITABLE',
  UnsupportedOperationException: 'KEY_UNSUITABLE',
};

/**
 * Turns whatever the SDK threw (service exception, network error) into a KeyCustodyError that
 * names the operation and keeps the original as `cause` for the logs.
 */
export function translateKmsError(error: unknown, operation: string): KeyCustodyError {
  if (error instanceof KeyCustodyError) return error;
  const exception = error instanceof KMSServiceException ? error.name : undefined;
  const code = (exception && CODE_BY_EXCEPTION[exception]) || 'KEY_UNAVAILABLE';
  const detail = exception ?? (error instanceof Error ? error.message : String(error));
  return new KeyCustodyError(code, `KMS ${operation} failed: ${detail}`, { cause: error });
}

/** Runs one KMS call and translates its failure. */
export async function kmsCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateKmsError(error, operation);
  }
}
