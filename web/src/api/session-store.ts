/**
 * The desktop's session tokens, kept in sessionStorage: one browser tab, gone when it closes, and
 * never in a cookie (the API takes bearer tokens only, so there is no CSRF surface).
 */
export type SessionKind = 'person' | 'staff';

export interface StoredSession {
  token: string;
  expiresAt: string;
  person: { personId: string; name: string; idNumberMasked: string };
}

const KEY: Record<SessionKind, string> = { person: 'seal.web.session', staff: 'seal.web.staff-session' };
const listeners = new Set<() => void>();

export function readSession(kind: SessionKind, now = new Date()): StoredSession | null {
  const raw = sessionStorage.getItem(KEY[kind]);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as StoredSession;
    return new Date(session.expiresAt).getTime() > now.getTime() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(kind: SessionKind, session: StoredSession | null): void {
  if (session) sessionStorage.setItem(KEY[kind], JSON.stringify(session));
  else sessionStorage.removeItem(KEY[kind]);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
