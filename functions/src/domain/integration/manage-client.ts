import { DomainError, authorize, type Actor } from '@seal/shared';
import type { Ports } from '../../ports';
import { consumeFaceTicket, faceTarget } from '../identity/face-ticket';
import { basicAuthorization, hashClientSecret, newClientSecret } from './credentials';

interface ManageInput {
  companyId: string;
  clientId: string;
  personId: string;
  actor: Actor;
  faceTicket: string | undefined;
}

/** `integration.manage_credentials`: legal representative or administrator, with a face check. */
async function authorizeManagement(services: Ports, input: ManageInput) {
  const target = { companyId: input.companyId };
  const decision = authorize(input.actor, 'integration.manage_credentials', target);
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
  const client = await services.store.integrationClients.get(input.clientId);
  if (!client || client.companyId !== input.companyId) throw new DomainError('CREDENTIAL_NOT_FOUND', '未找到该接入凭证');
  if (client.state !== 'active') throw new DomainError('CREDENTIAL_INACTIVE', '该接入凭证已吊销');
  await consumeFaceTicket(services.store, { ticketId: input.faceTicket, personId: input.personId, action: 'integration.manage_credentials', target: faceTarget(target), now: services.now() });
  return { client, as: decision.as };
}

/**
 * Issues the client's secret, or rotates it: a new secret replaces the old at once (the old one
 * stops working with this write). The secret is in the answer only; the table keeps its hash.
 */
export async function issueClientSecret(services: Ports, input: ManageInput): Promise<{ clientId: string; clientSecret: string; authorization: string }> {
  const { client, as } = await authorizeManagement(services, input);
  const now = services.now();
  const secret = newClientSecret();
  await services.store.commitWithAudit(
    { companyId: input.companyId, actorId: input.personId, actorRole: as, action: 'integration.issue_secret', subject: `integration:${client.clientId}`, before: { version: client.version }, after: { version: client.version + 1 } },
    [services.store.integrationClients.rotateSecret(client, { secretHash: hashClientSecret(client.clientId, secret), rotatedAt: now.toISOString() })],
    now,
  );
  return { clientId: client.clientId, clientSecret: secret, authorization: basicAuthorization(client.clientId, secret) };
}

/** Revokes a client: every later call with its secret is refused. Final. */
export async function revokeClient(services: Ports, input: ManageInput): Promise<void> {
  const { client, as } = await authorizeManagement(services, input);
  const now = services.now();
  await services.store.commitWithAudit(
    { companyId: input.companyId, actorId: input.personId, actorRole: as, action: 'integration.revoke_client', subject: `integration:${client.clientId}`, before: { state: 'active' }, after: { state: 'revoked' } },
    [services.store.integrationClients.revoke(client)],
    now,
  );
}

export async function listClients(services: Ports, companyId: string, actor: Actor) {
  if (!authorize(actor, 'integration.manage_credentials', { companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
  const data = await services.store.integrationClients.ofCompany(companyId);
  return data.map((c) => ({
    clientId: c.clientId,
    companyId: c.companyId,
    state: c.state,
    createdAt: c.createdAt,
    ...(c.rotatedAt ? { rotatedAt: c.rotatedAt } : {}),
    secretIssued: c.secretHash !== '-',
  }));
}
