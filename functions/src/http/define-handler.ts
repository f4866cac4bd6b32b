import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
// A named import: `z.core.$ZodError` would pull all of zod core (and every locale) into each bundle.
import { $ZodError, type $ZodType } from 'zod/v4/core';
import { DomainError, ROUTES, configureValidationMessages, isErrorCode, type Actor, type ErrorCode, type RouteDef } from '@seal/shared';
import { getServices, type Services } from '../composition';
import { logEvent } from '../config/logger';
import { loadRuntimeSecrets } from '../config/runtime-secrets';
import { authenticate, type Principal } from './authenticate';
import { API_SECURITY_HEADERS } from './security-headers';
import { cursorBinding, openCursor, sealCursor } from './cursor';
import { sessionSecret } from '../config/config';
import { clientOf } from './edge';
import { loadActor } from '../domain/identity/load-actor';

export interface HandlerContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  services: Services;
  principal: Principal;
  /** The signed-in person's id; throws UNAUTHENTICATED on public routes. */
  personId(): string;
  /** The permission matrix's view of the caller, loaded once per request. */
  actor(): Promise<Actor>;
  client: { ip?: string; userAgent?: string };
  requestId: string;
  event: APIGatewayProxyEventV2;
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
  /** Binary responses (PDF, PNG): sent base64-encoded as API Gateway expects. */
  binary?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

// Checks without a message of their own answer in zod's Chinese text, not a bare "Invalid input".
configureValidationMessages();

/** Any zod 4 schema (the shared DTOs are zod/mini: decision 0027). */
type Schema = $ZodType;
type Out<S> = S extends Schema ? z.infer<S> : undefined;

export interface HandlerSpec<BS, QS, PS> {
  /** Must match `handler` in the shared route table: that decides the auth mode. */
  name: string;
  body?: BS;
  query?: QS;
  params?: PS;
  /** Take the body as raw bytes (uploads) instead of JSON. */
  rawBody?: boolean;
  run(ctx: HandlerContext<Out<BS>, Out<QS>, Out<PS>>, raw: Uint8Array): Promise<HandlerResult>;
}

/** The permission matrix's view of whoever authenticated. */
function actorFor(principal: Principal, services: Services): Promise<Actor> {
  const nobody: Actor = { legalRepresentativeOf: [], grants: [] };
  switch (principal.mode) {
    case 'public':
      return Promise.resolve(nobody);
    case 'integration':
      return Promise.resolve({ ...nobody, integrationFor: principal.subject });
    case 'registry':
      return Promise.resolve({ ...nobody, system: true });
    case 'session':
    case 'staff':
      return loadActor(services.db, principal.session.personId, { windowStaff: principal.session.kind === 'staff' });
  }
}

function routeFor(name: string): RouteDef {
  const routes = ROUTES.filter((r) => r.handler === name);
  if (routes.length === 0) throw new Error(`handler ${name} is not in the route table`);
  if (new Set(routes.map((r) => r.auth)).size > 1) throw new Error(`handler ${name} has routes with different auth modes`);
  return routes[0] as RouteDef;
}

function rawBodyOf(event: APIGatewayProxyEventV2): Uint8Array {
  if (!event.body) return new Uint8Array();
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/** JSON bodies must say so: `application/json` or a `+json` type, any charset parameter. */
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

function parseJson(raw: Uint8Array, contentType: string | undefined): unknown {
  if (raw.length === 0) return {};
  if (contentType !== undefined && !JSON_TYPE.test(contentType)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw new DomainError('VALIDATION_FAILED', '请求内容不是有效的JSON');
  }
}

export function errorResult(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  let domain: DomainError;
  if (error instanceof DomainError) domain = error;
  else if (error instanceof $ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    domain = new DomainError('VALIDATION_FAILED', details[0]?.message ?? undefined, details);
  } else if (isErrorCode((error as { code?: unknown })?.code)) {
    // Adapters' own errors (e.g. KeyCustodyError KEY_UNAVAILABLE) whose code is a shared one.
    domain = new DomainError((error as { code: ErrorCode }).code, undefined, undefined, { cause: error });
  } else domain = new DomainError('INTERNAL', undefined, undefined, { cause: error });
  return json(domain.status, domain.toBody(), requestId);
}

function json(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId, ...API_SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body ?? {}),
  };
}

/** Callers as a cursor binding names them. */
function callerOf(principal: Principal): string {
  switch (principal.mode) {
    case 'session':
    case 'staff':
      return `${principal.mode}:${principal.session.personId}`;
    case 'registry':
    case 'integration':
      return `${principal.mode}:${principal.subject}`;
    case 'public':
      return 'public';
  }
}

/**
 * Pages of a list: a `cursor` query parameter is opened (replaced by the store's own cursor) and a
 * `cursor` the handler returns in its body is sealed, both bound to the same route, caller and other
 * query parameters.
 */
function pagination(route: RouteDef, principal: Principal, query: unknown, secret: () => string) {
  const parameters = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const binding = cursorBinding(`${route.method} ${route.path}`, callerOf(principal), parameters);
  if (typeof parameters.cursor === 'string') parameters.cursor = openCursor(secret(), binding, parameters.cursor);
  return {
    sealIn(body: unknown): void {
      const page = body as { cursor?: unknown } | undefined;
      if (page && typeof page.cursor === 'string') page.cursor = sealCursor(secret(), binding, page.cursor);
    },
  };
}

/**
 * The thin shell of every Lambda: authenticate by the route's mode, validate the DTOs, run the
 * use case, map domain errors to `{ code, message }` with their HTTP status, log one line.
 */
export function defineHandler<BS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, PS extends Schema | undefined = undefined>(
  spec: HandlerSpec<BS, QS, PS>,
) {
  const route = routeFor(spec.name);
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? 'local';
    let status = 500;
    let code: string | undefined;
    try {
      // Secret values come from the secrets extension in AWS; config is read only after this.
      await loadRuntimeSecrets();
      const services = getServices();
      // Behind CloudFront, refuse what came around it before authenticating anything (http/edge.ts).
      const client = clientOf(event, services.config.ORIGIN_VERIFY_SECRET);
      const principal = await authenticate(route.auth, event, services);
      const raw = rawBodyOf(event);
      const body = spec.rawBody ? undefined : spec.body ? z.parse(spec.body as Schema, parseJson(raw, event.headers?.['content-type'])) : undefined;
      const query = spec.query ? z.parse(spec.query as Schema, event.queryStringParameters ?? {}) : undefined;
      // Pagination cursors are sealed for this route, caller and query (http/cursor.ts).
      const cursors = pagination(route, principal, query, () => sessionSecret(services.config));
      const params = spec.params ? z.parse(spec.params as Schema, event.pathParameters ?? {}) : undefined;
      const personId = () => {
        if (principal.mode !== 'session' && principal.mode !== 'staff') throw new DomainError('UNAUTHENTICATED');
        return principal.session.personId;
      };
      let actor: Promise<Actor> | undefined;
      const ctx = {
        body,
        query,
        params,
        services,
        principal,
        personId,
        actor: () => (actor ??= actorFor(principal, services)),
        client,
        requestId,
        event,
      } as HandlerContext<Out<BS>, Out<QS>, Out<PS>>;
      const result = await spec.run(ctx, raw);
      status = result.status ?? 200;
      cursors.sealIn(result.body);
      if (result.binary) {
        return {
          statusCode: status,
          isBase64Encoded: true,
          headers: { 'content-type': result.contentType ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-request-id': requestId, ...API_SECURITY_HEADERS, ...result.headers },
          body: Buffer.from(result.binary).toString('base64'),
        };
      }
      return json(status, result.body, requestId, result.headers);
    } catch (error) {
      const response = errorResult(error, requestId);
      status = response.statusCode ?? 500;
      code = JSON.parse(response.body as string).code;
      if (status >= 500) logEvent('error', 'request failed', { handler: spec.name, error: String(error), stack: (error as Error)?.stack });
      return response;
    } finally {
      logEvent('info', 'request', { handler: spec.name, method: route.method, path: route.path, status, code, ms: Date.now() - started, requestId });
    }
  };
}
