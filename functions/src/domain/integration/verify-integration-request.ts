import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { parseBasicAuthorization, secretMatches } from './credentials';

const refused = () => new DomainError('UNAUTHENTICATED', '接入凭证无效');

/**
 * The `integration` auth mode: HTTP Basic with the client id and secret. Any failure (no header,
 * unknown client, wrong secret, revoked client, integration withdrawn, company closed) is the
 * same 401, so a caller learns nothing about which part was wrong. Returns the company id.
 */
export async function verifyIntegrationRequest(event: APIGatewayProxyEventV2, services: Ports): Promise<string> {
  const credentials = parseBasicAuthorization(event.headers?.authorization ?? event.headers?.Authorization);
  if (!credentials) throw refused();
  const client = await services.store.integrationClients.get(credentials.clientId);
  if (!client || client.state !== 'active' || !secretMatches(client.clientId, credentials.secret, client.secretHash)) throw refused();
  const company = await services.store.companies.get(client.companyId);
  if (!company || company.status !== 'active' || company.integration !== 'approved') throw refused();
  return client.companyId;
}
