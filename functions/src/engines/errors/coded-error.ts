/**
 * An engine's refusal of input it cannot work on at all, as a stable code (the words a person reads
 * are the caller's, decision 0030). Each engine names its codes and its class; the message is
 * `CODE: detail` for logs.
 */
export abstract class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }
}
