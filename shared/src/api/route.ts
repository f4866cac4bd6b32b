/**
 * How a route authenticates: `public` (no login), `session` (a person's session token),
 * `staff` (a window-staff session), `registry` (HMAC-signed notification from the business
 * registry), `integration` (an integrated system's API credentials).
 */
export type AuthMode = 'public' | 'session' | 'staff' | 'registry' | 'integration';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway style: `/v1/seals/{sealId}`. */
  path: string;
  /** The file `functions/src/entry/handlers/<handler>.ts` exports `handler`; one Lambda each. */
  handler: string;
  auth: AuthMode;
  summary: string;
}

export function route(method: HttpMethod, path: string, handler: string, auth: AuthMode, summary: string): RouteDef {
  return { method, path, handler, auth, summary };
}
