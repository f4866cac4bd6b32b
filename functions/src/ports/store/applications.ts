import type { ApplicationKind, ApplicationState } from '@seal/shared';
import type { Page, PageRequest, Versioned, WriteOp } from './write-op';

/** A window application (窗口办理): stored, printed as 申请表, decided by window staff. */
export interface ApplicationRecord {
  /** Also the printed reference (the form's QR code). */
  applicationId: string;
  reference: string;
  kind: ApplicationKind;
  companyId: string;
  applicantId: string;
  /** The validated form data (the request DTO of its kind) and what it named when submitted. */
  payload: unknown;
  state: ApplicationState;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  decisionReason?: string;
  /** What approval produced (seal ids, grant ids, integration client id). */
  outcome?: unknown;
  /** A staff member's short lease while approval takes effect: a concurrent decision waits it out. */
  reviewingBy?: string;
  reviewUntil?: string;
  /** A corrected resubmission names the rejected application it replaces; that one names it back. */
  resubmissionOf?: string;
  resubmittedAs?: string;
  version: number;
}

export type NewApplication = Pick<
  ApplicationRecord,
  'applicationId' | 'reference' | 'kind' | 'companyId' | 'applicantId' | 'payload' | 'state' | 'createdAt' | 'version'
> &
  Partial<Pick<ApplicationRecord, 'resubmissionOf'>>;

type Read = Pick<ApplicationRecord, 'applicationId'> & Versioned;

export interface Applications {
  get(applicationId: string): Promise<ApplicationRecord | undefined>;
  /** 我的申请: newest first. */
  ofApplicant(applicantId: string, page?: PageRequest): Promise<Page<ApplicationRecord>>;
  /** The window queue: applications in a state, oldest first. */
  queue(state: ApplicationState, page?: PageRequest): Promise<Page<ApplicationRecord>>;
  create(application: NewApplication): WriteOp;

  /**
   * Takes the review lease (version up by one) if the version is the one read, the application is
   * `submitted` and no other lease is live at `now`; false when any of that fails.
   */
  takeReviewLease(application: Read, lease: { staffId: string; until: string; now: string }): Promise<boolean>;
  /** Gives the lease back (version up by one), if the version is still the leased one; never throws. */
  releaseReviewLease(application: Read): Promise<void>;
  /** Approved by the lease holder: conditional on the leased version; the lease goes. */
  approve(application: Read, decision: { decidedAt: string; decidedBy: string; outcome: unknown }): WriteOp;
  /** Rejected: conditional on the version read and on no lease live at `now`. */
  reject(application: Read, decision: { decidedAt: string; decidedBy: string; decisionReason: string; now: string }): WriteOp;
  /** A rejected application corrected and submitted again: conditional on the version read, `rejected`, not resubmitted yet. */
  markResubmitted(application: Read, resubmittedAs: string): WriteOp;
  /** Withdrawn by the applicant: conditional on the version read, on `submitted` and on no lease live at `now`. */
  withdraw(application: Read, decision: { state: ApplicationState; decidedAt: string; now: string }): WriteOp;
}
