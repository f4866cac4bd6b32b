import { useCallback, useEffect, useRef, useState } from 'react';
import { forgetSession, isSessionLost } from '../services/session-store';
import { messageOf } from './use-action';

export type Remote<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Loads what a page shows; `reload` after a change. A null fetcher (nothing to load yet) waits. */
export function useRemote<T>(fetcher: (() => Promise<T>) | null, deps: readonly unknown[]) {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (!fetcher) return;
    const ticket = ++latest.current;
    setRemote((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    try {
      const data = await fetcher();
      if (ticket === latest.current) setRemote({ status: 'ready', data });
    } catch (error) {
      if (isSessionLost(error)) forgetSession();
      if (ticket === latest.current) setRemote({ status: 'error', message: messageOf(error) });
    }
  }, deps);
  useEffect(() => void load(), [load]);
  return { remote, reload: load };
}
