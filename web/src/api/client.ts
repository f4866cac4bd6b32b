import { ApiError, createApiClient, type Transport } from '@seal/shared/api';
import { readSession, saveSession, type SessionKind } from './session-store';

export { ApiError };

/** The desktop's transport: `fetch` against the same origin; files come back as Blobs. */
const fetchTransport: Transport<Blob> = async ({ method, url, headers, json, bytes, expect }) => {
  const body = bytes !== undefined ? (bytes as BodyInit) : json !== undefined ? JSON.stringify(json) : undefined;
  const response = await fetch(url, { method, headers, body });
  if (response.ok && expect === 'bytes') return { status: response.status, data: await response.blob() };
  const text = await response.text().catch(() => '');
  try {
    return { status: response.status, data: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: response.status, data: text };
  }
};

/** Which stored session a route's auth mode needs: staff routes the staff session, session routes the person's. */
function sessionKindOf(auth: string): SessionKind | null {
  return auth === 'staff' ? 'staff' : auth === 'session' ? 'person' : null;
}

/**
 * The shared typed client with the desktop's transport and sessions: `call(routes.me)`. A signed-in
 * route without its session fails before any request; a session the API ended is forgotten, so the
 * page asks to log in again.
 */
export const { call } = createApiClient<Blob>({
  transport: fetchTransport,
  token(auth) {
    const kind = sessionKindOf(auth);
    if (!kind) return undefined;
    const session = readSession(kind);
    if (!session) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
    return session.token;
  },
  onError(error, route) {
    const kind = sessionKindOf(route.auth);
    if (kind && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED')) saveSession(kind, null);
  },
});
