import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { issueSessionToken, type SessionKind } from '../domain/identity/session-token';
import { ROUTES, routeAuthTable } from '@seal/shared/api';
import { createAuthorizer } from './authorizer';

const SECRET = 'authorizer-test-secret-authorizer-test-secret';
const NOW = new Date('2025-03-01T08:00:00Z');
const authorize = createAuthorizer({ secret: () => SECRET, now: () => NOW, routes: routeAuthTable(ROUTES) });

function event(routeKey: string, authorization?: string): APIGatewayRequestAuthorizerEventV2 {
  return { routeKey, headers: authorization ? { authorization } : {}, identitySource: authorization ? [authorization] : [] } as unknown as APIGatewayRequestAuthorizerEventV2;
}
const token = (kind: SessionKind, secret = SECRET, at = NOW) => issueSessionToken(secret, { personId: 'p_1', sessionId: 's_1', kind, epoch: 0 }, at);

describe('session authorizer', () => {
  it('lets a person session through to a session route and passes who it is', async () => {
    const result = await authorize(event('GET /v1/me', `Bearer ${await token('phone')}`));
    expect(result).toEqual({ isAuthorized: true, context: { personId: 'p_1', sessionId: 's_1', kind: 'phone' } });
  });

  it('refuses a missing, forged or expired token', async () => {
    expect((await authorize(event('GET /v1/me'))).isAuthorized).toBe(false);
    expect((await authorize(event('GET /v1/me', `Bearer ${await token('phone', 'another-secret-another-secret-another-secret')}`))).isAuthorized).toBe(false);
    const old = new Date(NOW.getTime() - 2 * 3600 * 1000);
    expect((await authorize(event('GET /v1/me', `Bearer ${await token('phone', SECRET, old)}`))).isAuthorized).toBe(false);
  });

  it('keeps staff tokens to staff routes and person tokens to session routes', async () => {
    expect((await authorize(event('GET /v1/me', `Bearer ${await token('staff')}`))).isAuthorized).toBe(false);
    expect((await authorize(event('GET /v1/staff/applications', `Bearer ${await token('phone')}`))).isAuthorized).toBe(false);
    expect((await authorize(event('GET /v1/staff/applications', `Bearer ${await token('staff')}`))).isAuthorized).toBe(true);
  });

  it('refuses routes that are not session or staff routes', async () => {
    expect((await authorize(event('GET /v1/health', `Bearer ${await token('phone')}`))).isAuthorized).toBe(false);
    expect((await authorize(event('GET /v1/unknown', `Bearer ${await token('phone')}`))).isAuthorized).toBe(false);
  });
});
