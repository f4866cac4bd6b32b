import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import type { RouteAuthTable } from '@seal/shared/api';
import { verifySessionToken } from '../domain/identity/session-token';
import { loadConfig, sessionSecret } from '../config/config';
import { loadRuntimeSecrets } from '../config/runtime-secrets';

/** What API Gateway passes on to the handler as `requestContext.authorizer.lambda`. */
export interface SessionAuthorizerContext {
  personId: string;
  sessionId: string;
  kind: string;
}
export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<SessionAuthorizerContext | Record<string, never>>;

const DENY: AuthorizerResult = { isAuthorized: false, context: {} };

/**
 * The API Gateway Lambda authorizer of `session` and `staff` routes: the bearer token must be a
 * valid, unexpired session token of the right kind (staff tokens only on staff routes, person
 * tokens only on session routes). It stops forged and expired tokens before a handler starts;
 * the handler still checks the person's session epoch (logout) against the table, which this
 * function cannot read.
 */
export function createAuthorizer(deps: { secret: () => string; now: () => Date; routes: RouteAuthTable }) {
  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const auth = Object.prototype.hasOwnProperty.call(deps.routes, event.routeKey) ? deps.routes[event.routeKey] : undefined;
    if (auth !== 'session' && auth !== 'staff') return DENY;
    const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0];
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return DENY;
    try {
      const claims = await verifySessionToken(deps.secret(), token, deps.now());
      if ((auth === 'staff') !== (claims.kind === 'staff')) return DENY;
      return { isAuthorized: true, context: { personId: claims.personId, sessionId: claims.sessionId, kind: claims.kind } };
    } catch {
      return DENY;
    }
  };
}

/**
 * The route table's keys and auth modes, written into the deployed bundle by the bundler
 * (`--define`, infra/lib/bundling.ts `authorizerDefine`): importing the table itself would bring
 * every route's request and response schemas into this function (decision 0040). Absent (not
 * bundled by infra), every request is denied.
 */
declare const SEAL_ROUTE_AUTH: RouteAuthTable | undefined;

let secret: string | undefined;
const authorize = createAuthorizer({
  secret: () => (secret ??= sessionSecret(loadConfig())),
  now: () => new Date(),
  routes: typeof SEAL_ROUTE_AUTH === 'undefined' ? {} : SEAL_ROUTE_AUTH,
});

/** The deployed authorizer: the session secret comes from the secrets extension before the first check. */
export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  await loadRuntimeSecrets();
  return authorize(event);
}
