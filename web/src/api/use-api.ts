import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from './client';

/** Loads once (and on `reload`) with loading and error states, as every page needs. */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: ApiError; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: ApiError) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}
