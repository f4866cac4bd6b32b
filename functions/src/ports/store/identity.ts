import type { Versioned } from './write-op';

/**
 * A natural person, identified by a keyed hash of their resident ID number, so the same person is
 * found whether they arrive by WeChat login, as a grantee or as a legal representative.
 */
export interface PersonRecord {
  personId: string;
  name: string;
  idNumberMasked: string;
  phone?: string;
  /** The WeChat openid bound to this person by a passed login face check. */
  openid?: string;
  /** The ID number, sealed by the ID-number vault (WeChat's face check needs it in full). */
  idNumberSealed?: string;
  /**
   * When this person's own face check verified `name` together with the ID number (login). Records
   * written by anyone else (a legal representative named by the registry, the seed) have none: their
   * name is hearsay until the person's own check confirms or corrects it.
   */
  nameVerifiedAt?: string;
  /** Raising it ends every session issued before (logout everywhere). */
  sessionEpoch: number;
  createdAt: string;
  version: number;
}

export type NewPerson = Omit<PersonRecord, 'sessionEpoch' | 'version'> & Partial<Pick<PersonRecord, 'sessionEpoch'>>;

export interface People {
  get(personId: string): Promise<PersonRecord | undefined>;
  /** Create-only: false when the person exists already. */
  create(person: NewPerson): Promise<boolean>;
  /**
   * The person's own passed login face check: binds the openid, keeps the sealed ID number and
   * writes the name it verified with the ID number (correcting whatever name was there).
   */
  recordRealNameCheck(
    personId: string,
    check: { name: string; idNumberMasked: string; openid: string; idNumberSealed: string; nameVerifiedAt: string },
  ): Promise<void>;
  /** Logout everywhere: the session epoch goes up by one. */
  endSessions(personId: string): Promise<void>;
}

/** WeChat openid → person. */
export interface WechatBindingRecord {
  openid: string;
  personId: string;
  boundAt: string;
}

export interface WechatBindings {
  get(openid: string): Promise<WechatBindingRecord | undefined>;
  put(binding: WechatBindingRecord): Promise<void>;
}

/** A window staff account (scrypt password hash). */
export interface StaffAccountRecord {
  username: string;
  personId: string;
  name: string;
  passwordHash: string;
  state: 'active' | 'disabled';
}

export interface StaffAccounts {
  get(username: string): Promise<StaffAccountRecord | undefined>;
  /** Create-only: false when the account exists already. */
  create(account: Omit<StaffAccountRecord, 'state'> & Partial<Pick<StaffAccountRecord, 'state'>>): Promise<boolean>;
}

/**
 * A WeChat login in progress: the openid `code2session` returned, and a secret only the phone that
 * started it holds. A login face ticket is bound to `login:<loginId>` (there is no person yet).
 */
export interface LoginAttemptRecord {
  loginId: string;
  openid: string;
  /** sha256 of the login secret. */
  secretHash: string;
  /** The person the face check is for: bound already, or named at the face check. */
  personId?: string;
  name?: string;
  idNumberMasked?: string;
  idNumberSealed?: string;
  state: 'started' | 'done';
  expiresAt: string;
  ttl: number;
  version: number;
}

export type NewLoginAttempt = Omit<LoginAttemptRecord, 'version'>;
type Read = Pick<LoginAttemptRecord, 'loginId'> & Versioned;

export interface LoginAttempts {
  get(loginId: string): Promise<LoginAttemptRecord | undefined>;
  create(attempt: NewLoginAttempt): Promise<void>;
  /** The person the face check is for, named at the first login; conditional on the version read. */
  nameSubject(
    attempt: Read,
    subject: Required<Pick<LoginAttemptRecord, 'personId' | 'name' | 'idNumberMasked' | 'idNumberSealed'>>,
  ): Promise<boolean>;
  /** started → done, once (conditional on the version read). */
  finish(attempt: Read): Promise<boolean>;
}

/** Requests (or bytes) counted per key and fixed time window; old windows expire. */
export interface RateCounters {
  /**
   * Adds `amount` to the window's count unless that would take it above `limit`: one conditional
   * write, so concurrent requests cannot together overspend; false (and nothing added) when refused.
   */
  add(counter: { key: string; window: string; amount: number; limit: number; ttl: number }): Promise<boolean>;
  /** Takes back an amount `add` counted, for a request refused by another counter after it (unconditional). */
  giveBack(counter: { key: string; window: string; amount: number }): Promise<void>;
}
