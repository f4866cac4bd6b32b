import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError, type AuthMode } from '@seal/shared';
import { verifySessionToken, type SessionClaims } from '../domain/identity/session-token';
import { sessionSecret } from '../config/config';
import type { Ports } from '../ports';
import type { PersonRecord } from '../ports/store/identity';

/**
 * A credential longer than this is refused before anything reads it: session tokens and integration
 * credentials are a few hundred characters, and a longer value would only reach the store as an
 * oversized key (a 3,000-character Basic credential was a 500).
 */
export const MAX_AUTHORIZATION_LENGTH = 1024;

/** Who is calling, once the route's auth mode is satisfied. */
export type Principal =
  | { mode: 'public' }
  /** `person`: the record the session was checked against, for the rest of the request (not read again). */
  | { mode: 'session' | 'staff'; session: SessionClaims; person: PersonRecord }
  | { mode: 'registry' | 'integration'; subject: string };

export function bearerToken(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

async function authenticateSession(event: APIGatewayProxyEventV2, services: Ports): Promise<{ session: SessionClaims; person: PersonRecord }> {
  const token = bearerToken(event);
  if (!token) throw new DomainError('UNAUTHENTICATED');
  const claims = await verifySessionToken(sessionSecret(services.config), token, services.now());
  // Logout raises the person's epoch: every earlier token stops here.
  const person = await services.store.people.get(claims.personId);
  if (!person || person.sessionEpoch !== claims.epoch) throw new DomainError('SESSION_EXPIRED');
  return { session: claims, person };
}

/** Routes authenticated by a request signature implement it in their handler (see `verifiers`). */
export type RequestVerifier = (event: APIGatewayProxyEventV2, services: Ports) => Promise<string>;
export const verifiers: Partial<Record<'registry' | 'integration', RequestVerifier>> = {};

export async function authenticate(mode: AuthMode, event: APIGatewayProxyEventV2, services: Ports): Promise<Principal> {
  const authorization = event.headers?.authorization ?? event.headers?.Authorization;
  if (mode !== 'public' && authorization !== undefined && authorization.length > MAX_AUTHORIZATION_LENGTH) throw new DomainError('UNAUTHENTICATED');
  switch (mode) {
    case 'public':
      return { mode };
    case 'session': {
      const { session, person } = await authenticateSession(event, services);
      if (session.kind === 'staff') throw new DomainError('NOT_AUTHORIZED');
      return { mode, session, person };
    }
    case 'staff': {
      const { session, person } = await authenticateSession(event, services);
      if (session.kind !== 'staff') throw new DomainError('NOT_AUTHORIZED');
      return { mode, session, person };
    }
    case 'registry':
    case 'integration': {
      const verify = verifiers[mode];
      if (!verify) throw new DomainError('UNAUTHENTICATED');
      return { mode, subject: await verify(event, services) };
    }
  }
}
