import { ROUTES, matchPath } from './index';
import * as routes from './routes/index';
import { isBytes, type Route } from './route';
import { ACTION_NAMES } from '../domain/permissions';

const camel = (handler: string) => handler.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const schemaKeys = (schema: unknown) => Object.keys((schema as { _zod: { def: { shape: object } } })._zod.def.shape).sort();

describe('the route table', () => {
  it('names each route after its handler file, once', () => {
    const byName = Object.entries(routes) as [string, Route][];
    expect(byName.map(([name, route]) => [name, camel(route.handler)]).filter(([a, b]) => a !== b)).toEqual([]);
    expect(new Set(ROUTES.map((r) => r.handler)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES)).toEqual(new Set(byName.map(([, route]) => route)));
  });

  it('has one route per method and path', () => {
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(ROUTES.length);
  });

  it('validates exactly the path parameters the path names', () => {
    for (const route of ROUTES) {
      expect({ route: route.handler, keys: route.params ? schemaKeys(route.params) : [] }).toEqual({ route: route.handler, keys: pathParams(route.path) });
    }
  });

  it('takes a body only on POST and PUT, and names only actions of the permission matrix', () => {
    expect(ROUTES.filter((r) => r.body && r.method !== 'POST' && r.method !== 'PUT').map((r) => r.handler)).toEqual([]);
    expect(ROUTES.filter((r) => r.action && !ACTION_NAMES.includes(r.action)).map((r) => r.handler)).toEqual([]);
    expect(ROUTES.filter((r) => isBytes(r.body)).map((r) => r.handler).sort()).toEqual(['pki-ocsp', 'pki-timestamp', 'verify-document']);
  });

  it('matches concrete paths, decoding parameters', () => {
    expect(matchPath(routes.signDocument.path, '/v1/documents/doc%201/sign')).toEqual({ documentId: 'doc 1' });
    expect(matchPath(routes.signDocument.path, '/v1/documents//sign')).toBeNull();
    expect(matchPath(routes.me.path, '/v1/me/too')).toBeNull();
  });
});
