import { useEffect, useState } from 'react';
import { onSessionChange, readSession, type SessionKind, type StoredSession } from '../api/session-store';

/** The current session of a kind, re-read whenever it changes (login, logout, expiry). */
export function useSession(kind: SessionKind): StoredSession | null {
  const [session, setSession] = useState(() => readSession(kind));
  useEffect(() => onSessionChange(() => setSession(readSession(kind))), [kind]);
  return session;
}
