import { createWriteTransaction, type EntityConfiguration } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { electroDbClient } from './client';
import { Person, WechatBinding } from './entities/person';
import { Company } from './entities/company';
import { Seal } from './entities/seal';
import { Credential } from './entities/credential';
import { Grant } from './entities/grant';
import { Application } from './entities/application';
import { Challenge, FaceTicket, Nonce } from './entities/challenge';
import { AuditChainHead, AuditCheckpoint, AuditEvent, AuditUnsealedHead, PendingAuditEvent } from './entities/audit-event';
import { LoginAttempt, StaffAccount, RateCounter } from './entities/identity';
import { CertificateRecord, IntegrationClient, DocumentRecord } from './entities/certificate';
import { PlatformCertificate, CrlState } from './entities/platform-pki';
import { LicenceAuthorization, Notification, SigningRecordEntity } from './entities/records';
import { SigningBatch, SigningBatchItem } from './entities/signing-batch';

/** Every entity of the single table, by the name the code uses. */
const ENTITIES = {
  person: Person,
  wechatBinding: WechatBinding,
  company: Company,
  seal: Seal,
  credential: Credential,
  grant: Grant,
  application: Application,
  challenge: Challenge,
  faceTicket: FaceTicket,
  nonce: Nonce,
  auditEvent: AuditEvent,
  auditPending: PendingAuditEvent,
  auditHead: AuditChainHead,
  auditCheckpoint: AuditCheckpoint,
  auditUnsealed: AuditUnsealedHead,
  certificate: CertificateRecord,
  integrationClient: IntegrationClient,
  document: DocumentRecord,
  platformCertificate: PlatformCertificate,
  crlState: CrlState,
  loginAttempt: LoginAttempt,
  staffAccount: StaffAccount,
  rateCounter: RateCounter,
  notification: Notification,
  signingRecord: SigningRecordEntity,
  licenceAuthorization: LicenceAuthorization,
  signingBatch: SigningBatch,
  signingBatchItem: SigningBatchItem,
};

export type Entities = { [K in keyof typeof ENTITIES]: ReturnType<(typeof ENTITIES)[K]> };
/** The entities as a transaction sees them: each offers `.create/.patch/... .commit()`. */
export type TxEntities = Parameters<Parameters<typeof createWriteTransaction<Entities, unknown, []>>[1]>[0];

export interface SealService {
  entities: Entities;
  /** The client and table, for the reads that span entities (store/together.ts). */
  client: DynamoDBDocumentClient;
  table: string;
  transaction: {
    /** One TransactWriteItems over the entities `fn` uses; `data` lists each item's outcome. */
    write(fn: (entities: TxEntities) => readonly unknown[]): { go(): Promise<{ canceled: boolean; data: unknown }> };
  };
}

/**
 * The table's entities bound to one client and table name. Each entity is built on first use:
 * ElectroDB validates a model when it is built, and a function that touches two entities should
 * not pay for nineteen at cold start (decision 0022).
 */
export function createSealService(client: DynamoDBDocumentClient, table: string): SealService {
  const config: EntityConfiguration = { client: electroDbClient(client), table };
  const built = new Map<string, unknown>();
  const build = (name: keyof Entities) => {
    if (!built.has(name)) built.set(name, ENTITIES[name](config));
    return built.get(name);
  };
  const entities = lazyRecord(build, () => {});
  return {
    entities,
    client,
    table,
    transaction: {
      write(fn) {
        // ElectroDB reads every entity of the record it is given (to pick a driver and to map
        // cancellation reasons back): build the items first and hand it only the entities used.
        const touched: Partial<Record<keyof Entities, unknown>> = {};
        const recording = lazyRecord(build, (name, entity) => Object.defineProperty(touched, name, { value: entity, enumerable: true, configurable: true }));
        const items = fn(recording as unknown as TxEntities) as [];
        return createWriteTransaction(touched as Entities, () => items);
      },
    },
  };
}

/** A record with a getter per entity name that builds the entity and reports each access. */
function lazyRecord(build: (name: keyof Entities) => unknown, onAccess: (name: keyof Entities, entity: unknown) => void): Entities {
  const record = {} as Entities;
  for (const name of Object.keys(ENTITIES) as (keyof Entities)[]) {
    Object.defineProperty(record, name, {
      enumerable: true,
      get() {
        const entity = build(name);
        onAccess(name, entity);
        return entity;
      },
    });
  }
  return record;
}
