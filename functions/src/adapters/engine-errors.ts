import { DomainError, type ErrorCode } from '@seal/shared';
import type { CodedError } from '../engines/errors/coded-error';

/**
 * Makes the wrapper a format adapter runs its engine's calls in: the engine's refusals become the
 * API's stable codes. A person reads the code's own Chinese message; the engine's technical detail
 * ("no %PDF header") stays in the cause, for the logs.
 */
export function engineErrors<Code extends string>(
  refusal: abstract new (...args: never[]) => CodedError<Code>,
  codes: Record<Code, ErrorCode>,
): <T>(work: () => Promise<T> | T) => Promise<T> {
  return async (work) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof refusal) throw new DomainError(codes[error.code], undefined, undefined, { cause: error });
      throw error;
    }
  };
}
