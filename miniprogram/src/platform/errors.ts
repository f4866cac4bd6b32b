// Errors that leave the platform layer. Pages show `message` (Chinese) and branch on `code`.

/** The API answered with a non-2xx status, an unreadable body, or could not be reached (status 0): the shared client's error. */
export { ApiError } from '@seal/shared/api';

export type PlatformErrorCode =
  /** The user backed out (closed the scanner, the file picker or a simulator screen). */
  | 'CANCELLED'
  /** The user declined the privacy agreement, so no personal data may be collected. */
  | 'PRIVACY_DECLINED'
  /** WeChat's face check did not complete. */
  | 'FACE_CHECK_FAILED'
  /** This WeChat version or browser lacks the capability. */
  | 'UNSUPPORTED'
  /** The device API failed for another reason. */
  | 'DEVICE_ERROR';

/** A device capability (login, face check, camera, files) failed or was refused. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** WeChat reports a user cancel as `xxx:fail cancel`. */
export function isWeChatCancel(err: unknown): boolean {
  const errMsg = (err as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' && /cancel/i.test(errMsg);
}
