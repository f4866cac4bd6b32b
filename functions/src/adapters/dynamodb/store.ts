import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SealStore } from '../../ports/seal-store';
import { commitWithAudit } from './commit';
import { createSealService, type SealService } from './service';
import { dynamoDbApplications } from './store/applications';
import { dynamoDbAuditEvents } from './store/audit';
import { dynamoDbCertificates, dynamoDbCrlStates, dynamoDbPlatformCertificates } from './store/certificates';
import { dynamoDbChallenges, dynamoDbFaceTickets, dynamoDbNonces } from './store/challenges';
import { dynamoDbCompanies } from './store/companies';
import { dynamoDbCredentials } from './store/credentials';
import { dynamoDbDocuments } from './store/documents';
import { dynamoDbSigningBatches } from './store/signing-batches';
import { dynamoDbGrants } from './store/grants';
import { dynamoDbIntegrationClients } from './store/integration-clients';
import {
  dynamoDbLoginAttempts,
  dynamoDbPeople,
  dynamoDbRateCounters,
  dynamoDbStaffAccounts,
  dynamoDbWechatBindings,
} from './store/identity';
import { dynamoDbSeals } from './store/seals';
import { dynamoDbNotifications } from './store/notifications';
import { readTogether, recordsOf } from './store/together';
import { dynamoDbLicenceAuthorizations, dynamoDbSigningRecords } from './store/records';

/** The table behind each store (for the test helper in test-table.ts). */
const tables = new WeakMap<SealStore, SealService>();

/**
 * The `SealStore` on one DynamoDB table (docs/decisions/0002, 0035): one module per aggregate
 * over ElectroDB entities, each entity built on first use (decision 0022).
 */
export function createDynamoDbStore(client: DynamoDBDocumentClient, table: string): SealStore {
  const db = createSealService(client, table);
  const store: SealStore = {
    seals: dynamoDbSeals(db),
    companies: dynamoDbCompanies(db),
    credentials: dynamoDbCredentials(db),
    grants: dynamoDbGrants(db),
    applications: dynamoDbApplications(db),
    challenges: dynamoDbChallenges(db),
    faceTickets: dynamoDbFaceTickets(db),
    nonces: dynamoDbNonces(db),
    people: dynamoDbPeople(db),
    wechatBindings: dynamoDbWechatBindings(db),
    staffAccounts: dynamoDbStaffAccounts(db),
    loginAttempts: dynamoDbLoginAttempts(db),
    rateCounters: dynamoDbRateCounters(db),
    documents: dynamoDbDocuments(db),
    certificates: dynamoDbCertificates(db),
    platformCertificates: dynamoDbPlatformCertificates(db),
    crl: dynamoDbCrlStates(db),
    integrationClients: dynamoDbIntegrationClients(db),
    audit: dynamoDbAuditEvents(db),
    notifications: dynamoDbNotifications(db),
    signingRecords: dynamoDbSigningRecords(db),
    licenceAuthorizations: dynamoDbLicenceAuthorizations(db),
    signingBatches: dynamoDbSigningBatches(db),
    commitWithAudit: (entry, writes, at) => commitWithAudit(db, entry, writes, at),
    recordsOf: (personId) => recordsOf(db, personId),
    readTogether: (keys) => readTogether(db, keys),
    async ping() {
      await client.send(new DescribeTableCommand({ TableName: table }));
    },
  };
  tables.set(store, db);
  return store;
}

/** The ElectroDB service under a store made here (tests' direct table access only). */
export function tableOf(store: SealStore): SealService {
  const db = tables.get(store);
  if (!db) throw new TypeError('not a DynamoDB store');
  return db;
}
