import { Service } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Person, WechatBinding } from './entities/person';
import { Company } from './entities/company';
import { Seal } from './entities/seal';
import { Credential } from './entities/credential';
import { Grant } from './entities/grant';
import { Application } from './entities/application';
import { Challenge, FaceTicket, Nonce } from './entities/challenge';
import { AuditEvent } from './entities/audit-event';
import { LoginAttempt, StaffAccount, RateCounter } from './entities/identity';
import { CertificateRecord, IntegrationClient, DocumentRecord } from './entities/certificate';
import { PlatformCertificate, CrlState } from './entities/platform-pki';

/** Every entity of the single table, bound to one client and table name. */
export function createSealService(client: DynamoDBDocumentClient, table: string) {
  return new Service(
    {
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
      certificate: CertificateRecord,
      integrationClient: IntegrationClient,
      document: DocumentRecord,
      platformCertificate: PlatformCertificate,
      crlState: CrlState,
      loginAttempt: LoginAttempt,
      staffAccount: StaffAccount,
      rateCounter: RateCounter,
    },
    { client, table },
  );
}

export type SealService = ReturnType<typeof createSealService>;
export type Entities = SealService['entities'];
