import type { Applications } from './store/applications';
import type { AuditEntry, AuditEvents } from './store/audit';
import type { Certificates, CrlStates, PlatformCertificates } from './store/certificates';
import type { Challenges, FaceTickets, Nonces } from './store/challenges';
import type { Companies } from './store/companies';
import type { Credentials } from './store/credentials';
import type { Documents } from './store/documents';
import type { SigningBatches } from './store/signing-batches';
import type { Grants } from './store/grants';
import type { IntegrationClients } from './store/integration-clients';
import type { LoginAttempts, People, RateCounters, StaffAccounts, WechatBindings } from './store/identity';
import type { Seals } from './store/seals';
import type { Notifications } from './store/notifications';
import type { SigningRecords } from './store/signing-records';
import type { LicenceAuthorizations } from './store/licence-authorizations';
import type { WriteOp } from './store/write-op';
import type { SealRecord } from './store/seals';
import type { CompanyRecord } from './store/companies';
import type { CertificateRecord, CrlStateRecord } from './store/certificates';
import type { CredentialRecord } from './store/credentials';
import type { GrantRecord } from './store/grants';

export type * from './store/applications';
export type * from './store/audit';
export type * from './store/certificates';
export type * from './store/challenges';
export type * from './store/companies';
export type * from './store/credentials';
export type * from './store/documents';
export type * from './store/signing-batches';
export type * from './store/grants';
export type * from './store/integration-clients';
export type * from './store/identity';
export type * from './store/seals';
export type * from './store/write-op';
export type * from './store/notifications';
export type * from './store/signing-records';
export type * from './store/licence-authorizations';

/**
 * The `SealStore` port: the platform's records, one module per aggregate, in the domain's words.
 * Reads are named after the access pattern they serve (docs/decisions/0002); single-item changes
 * that stand alone (a face ticket spent, a wrong PIN counted) are methods that answer whether
 * their condition held; changes that must land together with an audit event are `WriteOp`s the
 * modules make and `commitWithAudit` applies. See docs/decisions/0035.
 */
export interface SealStore {
  seals: Seals;
  companies: Companies;
  credentials: Credentials;
  grants: Grants;
  applications: Applications;
  challenges: Challenges;
  faceTickets: FaceTickets;
  nonces: Nonces;
  people: People;
  wechatBindings: WechatBindings;
  staffAccounts: StaffAccounts;
  loginAttempts: LoginAttempts;
  rateCounters: RateCounters;
  documents: Documents;
  certificates: Certificates;
  platformCertificates: PlatformCertificates;
  crl: CrlStates;
  integrationClients: IntegrationClients;
  audit: AuditEvents;
  notifications: Notifications;
  signingRecords: SigningRecords;
  licenceAuthorizations: LicenceAuthorizations;
  signingBatches: SigningBatches;

  /**
   * Applies `writes` and records one audit event, all or nothing. The event is written pending;
   * the chainer links it into the company's chain after the fact (decision 0160), so changes of one
   * company never contend for a chain head.
   *
   * Timeline this protects:
   *   A reads seal v3 ─┐              ┌─ A commits (v3→v4, its audit event pending)   ✓
   *   B reads seal v3 ─┴── both try ──┴─ B's version condition fails                 → CONFLICT, nothing written
   * Every write carries its own condition (the version read). When a write's condition failed,
   * someone changed that item first: DomainError CONFLICT, nothing written.
   * `at` is the event's time (the request's clock).
   */
  commitWithAudit(entry: AuditEntry, writes: readonly WriteOp[], at?: Date): Promise<void>;

  /**
   * Everything filed under a person on the person index, in one query (decision 0205): the
   * companies they are legal representative of, the grants naming them (any state) and the
   * credentials they claimed. Eventually consistent, as each of the three queries it replaces was:
   * what is acted on is held by the commit's conditions. A person's first call may cost more: the
   * store files what an older table design left elsewhere (decision 0220); the answer is the same.
   */
  recordsOf(personId: string): Promise<PersonRecords>;

  /**
   * Items of several entities read by key in one strongly consistent call (decision 0205); each
   * absent key is left out of the answer, and so is an item that does not exist.
   */
  readTogether(keys: TogetherKeys): Promise<TogetherItems>;

  /** Resolves when the store is reachable (health probe). */
  ping(): Promise<void>;
}

/** What `recordsOf` answers. */
export interface PersonRecords {
  companies: CompanyRecord[];
  grants: GrantRecord[];
  credentials: CredentialRecord[];
}

/** The keys `readTogether` takes: a seal by id, a company by id, a CRL's state by issuer, a certificate record by serial. */
export interface TogetherKeys {
  seal?: string;
  company?: string;
  crlState?: string;
  certificate?: string;
}

export interface TogetherItems {
  seal?: SealRecord;
  company?: CompanyRecord;
  crlState?: CrlStateRecord;
  certificate?: CertificateRecord;
}
