import type { CredentialState, Medium } from '@seal/shared';
import type { KeyCustodyKind } from '../key-custody';
import type { ReadOptions, Versioned, WriteOp } from './write-op';

/**
 * Where a credential bound to a UKey signs (decision 0121): a key made on the token, and the seal
 * certificate the platform issued for it. The credential's own key, certificate and PIN stay,
 * unused while the binding lasts, and serve again once it is undone.
 */
export interface UkeyBinding {
  /** The token's serial (PKCS#11 CK_TOKEN_INFO.serialNumber). */
  tokenSerial: string;
  /** The key's CKA_ID on the token, hex. */
  keyId: string;
  /** DER SubjectPublicKeyInfo of the token's key, base64. */
  publicKey: string;
  /** DER, base64. */
  certificate: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  boundAt: string;
}

/** One person's claim of one seal: key (under custody), certificate, PIN hash, medium. */
export interface CredentialRecord {
  sealId: string;
  credentialId: string;
  companyId: string;
  personId: string;
  state: CredentialState;
  medium: Medium;
  custody: KeyCustodyKind;
  /** Custody's reference to the key (wrapped key or KMS key ARN); `shredded` once retired. */
  keyRef: string;
  /** DER SubjectPublicKeyInfo, base64. */
  publicKey: string;
  /** DER, base64. */
  certificate: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** The signing PIN's MAC under the KMS PIN key (`kms-hmac$v1$…`, decision 0140; older ones `scrypt$…` until next used); the PIN itself is never stored or logged. */
  pinHash: string;
  /** Wrong PINs in a row, counted atomically. */
  failedAttempts: number;
  lockedUntil?: string;
  /** Present exactly while `medium` is `ukey`. */
  ukey?: UkeyBinding;
  createdAt: string;
  version: number;
}

export type NewCredential = Omit<CredentialRecord, 'medium' | 'failedAttempts' | 'lockedUntil' | 'ukey' | 'version'> &
  Partial<Pick<CredentialRecord, 'medium' | 'failedAttempts'>>;

export type CredentialKey = Pick<CredentialRecord, 'sealId' | 'credentialId'>;
type Read = CredentialKey & Versioned;

export interface Credentials {
  /** Every credential of a seal (one per person who claimed it, plus history); strongly consistent. */
  ofSeal(sealId: string): Promise<CredentialRecord[]>;
  /**
   * The person's own credentials on one seal (theirs now and their history), by the holder index:
   * as much work with 3,000 credentials on the seal as with one. Eventually consistent.
   */
  ofHolder(personId: string, sealId: string): Promise<CredentialRecord[]>;
  get(key: CredentialKey, options?: ReadOptions): Promise<CredentialRecord | undefined>;
  create(credential: NewCredential): WriteOp;

  /** One more wrong PIN, if the count is below `below` and the credential is active; false when not. */
  countPinFailure(credential: CredentialKey, below: number): Promise<boolean>;
  /** Back to zero wrong PINs, if the credential is still active (otherwise nothing happens). */
  clearPinFailures(credential: CredentialKey): Promise<void>;
  /**
   * The wrong PIN that locks: `failedAttempts` set, conditional on the version read, on the count
   * being one below it and on the credential being active (so the lock is the last failure itself).
   */
  /** Writes nothing: holds the transaction to the credential still being at the version read (a ConditionCheck). */
  unchanged(credential: Read): WriteOp;
  lock(credential: Read, change: { state: CredentialState; failedAttempts: number; lockedUntil: string }): WriteOp;
  /** The lock period is over: count back to zero; conditional on the version read and on `locked`. */
  unlock(credential: Read, change: { state: CredentialState }): WriteOp;
  /** A new PIN hash, count back to zero; conditional on the version read and on `active`. */
  changePin(credential: Read, pinHash: string): WriteOp;
  /**
   * The same PIN in a newer stored form (scrypt → KMS MAC, decision 0140), conditional on the stored
   * value still being `from`; the version stays (nothing about the credential changed). False when it was not.
   */
  replacePinHash(credential: CredentialKey, from: string, to: string): Promise<boolean>;
  /** A new certificate for the same key (renewal); conditional on the version read. */
  recertify(credential: Read, certificate: Pick<CredentialRecord, 'certificate' | 'serial' | 'notBefore' | 'notAfter'>): WriteOp;
  /** Superseded or revoked, with what is kept of its key; conditional on the version read. */
  retire(credential: Read, change: { state: CredentialState; keyRef: string }): WriteOp;
  /** To the UKey (with its binding) or back to the phone (binding removed); conditional on the version read and on the medium being `from`. */
  moveMedium(credential: Read, change: { from: 'phone'; to: 'ukey'; ukey: UkeyBinding } | { from: 'ukey'; to: 'phone' }): WriteOp;
}
