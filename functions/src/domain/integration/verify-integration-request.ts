import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '@seal/shared';
import type { Services } from '../../composition';
import { verifiers } from '../../http/authenticate';
import { parseBasicAuthorization, secretMatches } from './credentials';

const refused = () => new DomainError('UNAUTHENTICATED', '接入凭证无效');

/**
 * The `integration` auth mode: HTTP Basic with the client id and secret. Any failure (no header,
 * unknown client, wrong secret, revoked client, integration withdrawn, company closed) is the
 * same 401, so a caller learns nothing about which part was wrong. Returns the company id.
 */
export async function verifyIntegrationRequest(event: APIGatewayProxyEventV2, services: Services): Promise<string> {
  const credentials = parseBasicAuthorization(event.headers?.authorization ?? event.headers?.Authorization);
  if (!credentials) throw refused();
  const { data: client } = await services.db.entities.integrationClient.get({ clientId: credentials.clientId }).go();
  if (!client || client.state !== 'active' || !secretMatches(client.clientId, credentials.secret, client.secretHash)) throw refused();
  const { data: company } = await services.db.entities.company.get({ companyId: client.companyId }).go();
  if (!company || company.status !== 'active' || company.integration !== 'approved') throw refused();
  return client.companyId;
}

/** Registered when a handler of an integration route is loaded (import for the side effect). */
verifiers.integration = verifyIntegrationRequest;
