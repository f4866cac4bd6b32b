import type { ChallengePurpose, ChallengeState } from '@seal/shared';
import type { Versioned } from './write-op';

/** A QR confirmation challenge: created by a desktop session, approved once on a phone. */
export interface ChallengeRecord {
  challengeId: string;
  purpose: ChallengePurpose;
  /** Hash of the desktop session's secret: only that session learns the outcome. */
  desktopBinding: string;
  /** What the phone is shown and what is approved (company, seal, document digest...). */
  summary: unknown;
  state: ChallengeState;
  approverId?: string;
  outcome?: unknown;
  createdAt: string;
  expiresAt: string;
  /** Epoch seconds: the table forgets the challenge after it. */
  ttl: number;
  version: number;
}

export type NewChallenge = Omit<ChallengeRecord, 'approverId' | 'outcome' | 'version'>;

type Read = Pick<ChallengeRecord, 'challengeId'> & Versioned;

/** Each decision is one conditional write; false when the challenge moved first (another phone, a second poll). */
export interface Challenges {
  get(challengeId: string): Promise<ChallengeRecord | undefined>;
  create(challenge: NewChallenge): Promise<void>;
  /** pending → approved, if still pending at this version and not expired at `now`. */
  approve(challenge: Read, approval: { approverId: string; outcome: unknown; now: string }): Promise<boolean>;
  /** pending → rejected, if still pending at this version. */
  reject(challenge: Read, rejection: { approverId: string | undefined }): Promise<boolean>;
  /** approved → consumed, once. */
  consume(challenge: Read): Promise<boolean>;
}

/** A face check: bound to (person, action, target), five minutes, single use. */
export interface FaceTicketRecord {
  ticketId: string;
  /** A person id, or `login:<loginId>` during a login. */
  personId: string;
  action: string;
  target: string;
  /** `pending` until the face verifier reports; `passed`, then `used` exactly once. */
  state: 'pending' | 'passed' | 'failed' | 'used';
  verifyId?: string;
  expiresAt: string;
  ttl: number;
}

export interface FaceTickets {
  get(ticketId: string): Promise<FaceTicketRecord | undefined>;
  create(ticket: FaceTicketRecord): Promise<void>;
  /** pending → passed | failed, once; false when it was decided already. */
  decide(ticketId: string, state: 'passed' | 'failed'): Promise<boolean>;
  /**
   * passed → used, conditional on everything the ticket is bound to and on not being expired at
   * `now`: false for a ticket of another person, action or target, an expired or a spent one.
   */
  spend(ticket: { ticketId: string; personId: string; action: string; target: string; now: string }): Promise<boolean>;
}

/** A one-time value (registry notification id...) remembered until `ttl`. */
export interface NonceRecord {
  scope: string;
  value: string;
  seenAt: string;
  ttl: number;
}

export interface Nonces {
  /** False when the value was seen before (in this scope, within its ttl). */
  remember(nonce: NonceRecord): Promise<boolean>;
  forget(scope: string, value: string): Promise<void>;
}
