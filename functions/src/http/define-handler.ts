import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
// A named import: `z.core.$ZodError` would pull all of zod core (and every locale) into each bundle.
import { $ZodError } from 'zod/v4/core';
import { DomainError, isErrorCode, type ErrorCode } from '@seal/shared/errors';
import type { Actor } from '@seal/shared/domain';
import { configureValidationMessages, isBytes, type Bytes, type BodyOf, type ParamsOf, type QueryOf, type ResponseOf, type Route, type Schema } from '@seal/shared/api';
import { composePorts, getServices, type PortRecipe } from '../composition';
import type { Ports } from '../ports';
import { logEvent } from '../config/logger';
import { loadRuntimeSecrets } from '../config/runtime-secrets';
import { authenticate, type Principal } from './authenticate';
import { API_SECURITY_HEADERS } from './security-headers';
import { cursorBinding, openCursor, sealCursor } from './cursor';
import { sessionSecret } from '../config/config';
import { clientOf } from './edge';
import { loadStanding, type Standing } from '../domain/identity/load-actor';

/** What a handler's `run` gets: the route's params, query and body, validated by its schemas. */
export interface HandlerContext<R extends Route> {
  body: BodyOf<R>;
  query: QueryOf<R>;
  params: ParamsOf<R>;
  /** The ports (composition.ts builds them). */
  services: Ports;
  principal: Principal;
  /** The signed-in person's id; throws UNAUTHENTICATED on public routes. */
  personId(): string;
  /** The permission matrix's view of the caller, loaded once per request. */
  actor(): Promise<Actor>;
  /** The signed-in person's standing (actor, companies, grants), loaded once per request with `actor()`; throws UNAUTHENTICATED on public routes. */
  standing(): Promise<Standing>;
  client: { ip?: string; userAgent?: string };
  requestId: string;
  event: APIGatewayProxyEventV2;
}

/** A JSON answer of the route's response type (the typed client promises callers exactly this). */
export interface JsonResult<T> {
  status?: number;
  body: T;
  headers?: Record<string, string>;
}

/** A file answer (PDF, PEM, SVG...): sent base64-encoded as API Gateway expects. */
export interface BinaryResult {
  status?: number;
  binary: Uint8Array;
  contentType: string;
  headers?: Record<string, string>;
}

/** What `run` returns for route `R`: bytes for a route whose response is `bytes`, else its JSON. */
export type HandlerResult<R extends Route> = R extends { response: Bytes } ? BinaryResult : JsonResult<ResponseOf<R>>;

// Checks without a message of their own answer in zod's Chinese text, not a bare "Invalid input".
configureValidationMessages();

export interface HandlerSpec<R extends Route> {
  /**
   * The ports beyond config, clock and store that the use cases reach (recipes from composition/):
   * only these adapters are in the function's bundle (decision 0031).
   */
  ports?: readonly PortRecipe[];
  /** The use case; `raw` is the request body's bytes as they came (routes whose body is `bytes`). */
  run(ctx: HandlerContext<R>, raw: Uint8Array): Promise<HandlerResult<R>>;
}

/** A Lambda handler that remembers its route, so a test can check the wiring. */
export type RouteHandler<R extends Route = Route> = ((event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>) & {
  readonly route: R;
};

/** The permission matrix's view of whoever authenticated. */
function actorFor(principal: Principal, standing: () => Promise<Standing>): Promise<Actor> {
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
      return standing().then((s) => ({ ...s.actor, windowStaff: principal.session.kind === 'staff' }));
  }
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
  const retryAfter: Record<string, string> = domain.retryAfterSeconds === undefined ? {} : { 'retry-after': String(domain.retryAfterSeconds) };
  return json(domain.status, domain.toBody(), requestId, retryAfter);
}

function json(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId, ...API_SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body ?? {}),
  };
}

function isBinary(result: JsonResult<unknown> | BinaryResult): result is BinaryResult {
  return (result as Partial<BinaryResult>).binary instanceof Uint8Array;
}

/** Validates `value` with the route's schema, if it has one. */
function parsed(schema: Schema | undefined, value: unknown): unknown {
  return schema ? z.parse(schema, value) : undefined;
}

/**
 * To a signed-in person, a company or seal that does not exist answers exactly like one they may
 * not act on: 403 NOT_AUTHORIZED (issue #15). Otherwise 403 against 404 tells anyone with a session
 * which credit codes are on the platform and which seal ids exist. Staff, the registry and
 * integrated systems still get the 404.
 */
function concealAbsence(route: Route, error: unknown): unknown {
  const absent = error instanceof DomainError && (error.code === 'COMPANY_NOT_FOUND' || error.code === 'SEAL_NOT_FOUND');
  return route.auth === 'session' && absent ? new DomainError('NOT_AUTHORIZED', undefined, undefined, { cause: error }) : error;
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
function pagination(route: Route, principal: Principal, query: unknown, secret: () => string) {
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
 * The thin shell of every Lambda: authenticate by the route's mode, validate params, query and
 * body with the route's schemas, run the use case, map domain errors to `{ code, message }` with
 * their HTTP status, log one line. `defineHandler(routes.signDocument, { run })`.
 */
export function defineHandler<R extends Route>(route: R, spec: HandlerSpec<NoInfer<R>>): RouteHandler<R> {
  const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? 'local';
    let status = 500;
    let code: string | undefined;
    try {
      // Secret values come from the secrets extension in AWS; config is read only after this.
      await loadRuntimeSecrets();
      const services = composePorts(getServices(), spec.ports ?? []);
      // Behind CloudFront, refuse what came around it before authenticating anything (http/edge.ts).
      const client = clientOf(event, services.config.ORIGIN_VERIFY_SECRET);
      const principal = await authenticate(route.auth, event, services);
      const raw = rawBodyOf(event);
      const body = route.body && !isBytes(route.body) ? parsed(route.body, parseJson(raw, event.headers?.['content-type'])) : undefined;
      const query = parsed(route.query, event.queryStringParameters ?? {});
      // Pagination cursors are sealed for this route, caller and query (http/cursor.ts).
      const cursors = pagination(route, principal, query, () => sessionSecret(services.config));
      const params = parsed(route.params, event.pathParameters ?? {});
      const personId = () => {
        if (principal.mode !== 'session' && principal.mode !== 'staff') throw new DomainError('UNAUTHENTICATED');
        return principal.session.personId;
      };
      let actor: Promise<Actor> | undefined;
      let standing: Promise<Standing> | undefined;
      const standingOf = () => {
        if (principal.mode !== 'session' && principal.mode !== 'staff') throw new DomainError('UNAUTHENTICATED');
        return (standing ??= loadStanding(services.store, principal.session.personId, principal.person));
      };
      const ctx = {
        body,
        query,
        params,
        services,
        principal,
        personId,
        actor: () => (actor ??= actorFor(principal, standingOf)),
        standing: standingOf,
        client,
        requestId,
        event,
      } as HandlerContext<R>;
      const result = (await spec.run(ctx, raw)) as JsonResult<unknown> | BinaryResult;
      status = result.status ?? 200;
      if (!isBinary(result)) cursors.sealIn(result.body);
      if (isBinary(result)) {
        return {
          statusCode: status,
          isBase64Encoded: true,
          headers: { 'content-type': result.contentType, 'cache-control': 'no-store', 'x-request-id': requestId, ...API_SECURITY_HEADERS, ...result.headers },
          body: Buffer.from(result.binary).toString('base64'),
        };
      }
      return json(status, result.body, requestId, result.headers);
    } catch (error) {
      const response = errorResult(concealAbsence(route, error), requestId);
      status = response.statusCode ?? 500;
      code = JSON.parse(response.body as string).code;
      if (status >= 500) logEvent('error', 'request failed', { handler: route.handler, error: String(error), stack: (error as Error)?.stack });
      return response;
    } finally {
      logEvent('info', 'request', { handler: route.handler, method: route.method, path: route.path, status, code, ms: Date.now() - started, requestId });
    }
  };
  return Object.assign(handler, { route });
}
