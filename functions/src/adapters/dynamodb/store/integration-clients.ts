import type { IntegrationClientRecord, IntegrationClients } from '../../../ports/store/integration-clients';
import type { SealService } from '../service';
import { tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'integrationClient'>, IntegrationClientRecord> = true;

export function dynamoDbIntegrationClients({ entities }: SealService): IntegrationClients {
  return {
    async get(clientId) {
      return (await entities.integrationClient.get({ clientId }).go()).data ?? undefined;
    },
    async ofCompany(companyId) {
      return (await entities.integrationClient.query.byCompany({ companyId }).go({ pages: 'all' })).data;
    },
    create: (client) => tableWrite((e) => e.integrationClient.create(client).commit()),
    rotateSecret: (client, secret) =>
      tableWrite((e) =>
        e.integrationClient
          .patch({ clientId: client.clientId })
          .set({ ...secret, version: client.version + 1 })
          .where((a, op) => `${op.eq(a.version, client.version)} AND ${op.eq(a.state, 'active')}`)
          .commit(),
      ),
    revoke: (client) =>
      tableWrite((e) =>
        e.integrationClient
          .patch({ clientId: client.clientId })
          .set({ state: 'revoked', version: client.version + 1 })
          .where((a, op) => op.eq(a.version, client.version))
          .commit(),
      ),
  };
}
