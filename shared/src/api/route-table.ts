import type { AuthMode, Route } from './route';
import * as system from './routes/system';
import * as identity from './routes/identity';
import * as applications from './routes/applications';
import * as seals from './routes/seals';
import * as documents from './routes/documents';
import * as ukey from './routes/ukey';
import * as messages from './routes/messages';

/**
 * The API route table. The local server mounts exactly these routes and the CDK stack creates
 * exactly these API Gateway routes, so a route exists in AWS exactly when it exists locally.
 * Each area keeps its routes in `routes/<area>.ts`. Importing this list imports every route and
 * every DTO schema: it is for infra, the local server and tests, never for a Lambda handler.
 */
export const ROUTES: readonly Route[] = [system, identity, applications, seals, documents, ukey, messages].flatMap((area) => Object.values(area) as Route[]);

/** API Gateway's route key (`GET /v1/me`) → auth mode: what the session authorizer needs of the table. */
export type RouteAuthTable = Readonly<Record<string, AuthMode>>;

export function routeAuthTable(routes: readonly Pick<Route, 'method' | 'path' | 'auth'>[] = ROUTES): RouteAuthTable {
  return Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.auth]));
}

/** Match a concrete path against a route path with `{param}` segments. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith('{') && w.endsWith('}')) {
      if (!g) return null;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}
