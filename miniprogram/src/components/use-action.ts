import { useCallback, useState } from 'react';
import { PlatformError } from '../platform';
import { forgetSession, isSessionLost } from '../services/session-store';

/** The message a person sees for a failure: the API's or the device's own Chinese text. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

/**
 * Runs one user action (a submit, a face check, a cancel): `busy` while it runs, its refusal as
 * Chinese text afterwards. A lost session sends the person back to the login state.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      if (isSessionLost(failure)) forgetSession();
      if (failure instanceof PlatformError && failure.code === 'CANCELLED') setError('操作已取消');
      else setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
