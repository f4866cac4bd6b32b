import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { ROUTES, type RouteDef } from '@seal/shared';
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
export function createAuthorizer(deps: { secret: () => string; now: () => Date; routes?: readonly RouteDef[] }) {
  const routes = deps.routes ?? ROUTES;
  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const route = routes.find((r) => `${r.method} ${r.path}` === event.routeKey);
    if (!route || (route.auth !== 'session' && route.auth !== 'staff')) return DENY;
    const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0];
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) return DENY;
    try {
      const claims = await verifySessionToken(deps.secret(), token, deps.now());
      if ((route.auth === 'staff') !== (claims.kind === 'staff')) return DENY;
      return { isAuthorized: true, context: { personId: claims.personId, sessionId: claims.sessionId, kind: claims.kind } };
    } catch {
      return DENY;
    }
  };
}

let secret: string | undefined;
const authorize = createAuthorizer({ secret: () => (secret ??= sessionSecret(loadConfig())), now: () => new Date() });

/** The deployed authorizer: the session secret comes from the secrets extension before the first check. */
export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  await loadRuntimeSecrets();
  return authorize(event);
}
