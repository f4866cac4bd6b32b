import { useCallback, useEffect, useState } from 'react';
import { ApiError, clearSessionToken, readSessionToken } from '../platform';
import { fetchMe, type Me } from './me';

// The one piece of app-wide state: who is logged in (`routes.me`). Pages read it with useSession();
// it is fetched once and refreshed after anything that changes roles, grants or claimed seals.
export type SessionState =
  { status: 'anonymous' } | { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'error'; message: string };

let state: SessionState = { status: readSessionToken() ? 'loading' : 'anonymous' };
let inFlight: Promise<void> | undefined;
const listeners = new Set<(s: SessionState) => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener(state));
}

/** The session ended on the server (expired, logged out elsewhere): forget it here. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function forgetSession(): void {
  clearSessionToken();
  set({ status: 'anonymous' });
}

/** Loads `routes.me` again (after login, a claim, a grant...). Concurrent callers share one request. */
export function refreshSession(): Promise<void> {
  if (!readSessionToken()) {
    set({ status: 'anonymous' });
    return Promise.resolve();
  }
  inFlight ??= (async () => {
    if (state.status !== 'ready') set({ status: 'loading' });
    try {
      set({ status: 'ready', me: await fetchMe() });
    } catch (error) {
      if (isSessionLost(error)) forgetSession();
      else set({ status: 'error', message: error instanceof Error ? error.message : '加载失败，请重试' });
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

/** The session for a page; loads it on first use. */
export function useSession(): { session: SessionState; reload: () => Promise<void> } {
  const [session, setSession] = useState(state);
  useEffect(() => {
    listeners.add(setSession);
    setSession(state);
    if (state.status === 'loading' || (state.status === 'anonymous' && readSessionToken())) void refreshSession();
    return () => void listeners.delete(setSession);
  }, []);
  const reload = useCallback(() => refreshSession(), []);
  return { session, reload };
}
