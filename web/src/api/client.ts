import { ROUTES, type RouteDef } from '@seal/shared';
import { readSession, saveSession } from './session-store';

/** Every non-2xx answer: the API's stable code and its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The route of a handler from the shared route table, so the site calls exactly the contract. */
/** By handler name, or by `'POST /v1/verify'` for routes whose handler name is not known yet. */
export function routeOf(handler: string): RouteDef {
  const [method, path] = handler.split(' ');
  const route = ROUTES.find((r) => (path ? r.method === method && r.path === path : r.handler === handler));
  if (!route) throw new ApiError(0, 'ROUTE_MISSING', `接口尚未提供：${handler}`);
  return route;
}

/** `/v1/seals/{sealId}` + `{ sealId: 'x' }` → `/v1/seals/x`. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Raw bytes (a PDF to verify) instead of JSON. */
  raw?: { bytes: ArrayBuffer | Blob; contentType: string };
  as?: 'json' | 'blob';
}

export function urlFor(handler: string, options: Pick<CallOptions, 'params' | 'query'> = {}): string {
  const route = routeOf(handler);
  const query = Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined);
  const search = query.length ? `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}` : '';
  return fillPath(route.path, options.params) + search;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    return new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? `请求失败（${response.status}）`);
  } catch {
    return new ApiError(response.status, 'HTTP_ERROR', `请求失败（${response.status}）`);
  }
}

/** Calls a route by its handler name with the right session (person or staff) for its auth mode. */
export async function call<T>(handler: string, options: CallOptions = {}): Promise<T> {
  const route = routeOf(handler);
  const headers: Record<string, string> = {};
  const sessionKind = route.auth === 'staff' ? 'staff' : route.auth === 'session' ? 'person' : null;
  if (sessionKind) {
    const session = readSession(sessionKind);
    if (!session) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
    headers.authorization = `Bearer ${session.token}`;
  }
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.bytes;
  } else if (options.body !== undefined || route.method === 'POST') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  const response = await fetch(urlFor(handler, options), { method: route.method, headers, body });
  if (!response.ok) {
    const error = await errorOf(response);
    // An ended session (logout elsewhere, expiry): forget it so the page asks to log in again.
    if (sessionKind && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED')) saveSession(sessionKind, null);
    throw error;
  }
  if (options.as === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** Whether the route table has this handler yet (areas land during development). */
export function hasRoute(handler: string): boolean {
  try {
    routeOf(handler);
    return true;
  } catch {
    return false;
  }
}
