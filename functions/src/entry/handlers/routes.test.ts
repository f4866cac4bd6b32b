import { readdirSync } from 'node:fs';
import { ROUTES } from '@seal/shared/api';
import type { RouteHandler } from '../../http/define-handler';

/**
 * The wiring between the shared route table and the Lambda entry points: infra bundles
 * `handlers/<handler>.ts` for each route and the local server loads it, so each must exist, export
 * `handler`, and be built from that very route (its auth mode and schemas).
 */
describe('the handler files', () => {
  it.each(ROUTES.map((route) => [route.handler, route] as const))('%s exports the handler of its route', async (name, route) => {
    const { handler } = (await import(`./${name}`)) as { handler?: RouteHandler };
    expect(typeof handler).toBe('function');
    expect(handler!.route).toBe(route);
  });

  it('are all in the route table', () => {
    const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(ROUTES.map((r) => r.handler).sort());
  });
});
