import type { RouteDef } from './route';
import { systemRoutes } from './routes/system';
import { identityRoutes } from './routes/identity';
import { applicationRoutes } from './routes/applications';
import { sealRoutes } from './routes/seals';
import { documentRoutes } from './routes/documents';
import { ukeyRoutes } from './routes/ukey';

/**
 * The API route table. The local server mounts exactly these routes and the CDK stack creates
 * exactly these API Gateway routes, so a route exists in AWS exactly when it exists locally.
 * Each area keeps its routes in `routes/<area>.ts`.
 */
export const ROUTES: readonly RouteDef[] = [
  ...systemRoutes,
  ...identityRoutes,
  ...applicationRoutes,
  ...sealRoutes,
  ...documentRoutes,
  ...ukeyRoutes,
];

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
