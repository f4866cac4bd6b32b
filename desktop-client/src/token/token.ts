/**
 * The client's token port: what the local service needs from a UKey, whatever drives it.
 * `Pkcs11Token` implements it over a PKCS#11 library (SoftHSM2 in the tests, a vendor's module
 * on a user's PC); an SM2 token plugs in as another implementation (SKF, or a vendor PKCS#11
 * with its own SM2 mechanism numbers): decision 0122.
 */
export interface TokenSummary {
  /** The token's serial number, as the token reports it: the platform binds the seal to it. */
  serial: string;
  label: string;
  manufacturer: string;
  model: string;
  /** The token counted a wrong password since the last right one (CKF_USER_PIN_COUNT_LOW). */
  passwordCountLow: boolean;
  /** One more wrong password locks the token (CKF_USER_PIN_FINAL_TRY). */
  passwordFinalTry: boolean;
  /** Too many wrong passwords: the token refuses every login (CKF_USER_PIN_LOCKED). */
  passwordLocked: boolean;
  /** Seal keys on the token (public information: the public key objects' ids and labels). */
  keys: { keyId: string; label: string; hasCertificate: boolean }[];
}

/** The signature algorithm a token's seal key uses; the platform reads it from the CSR too. */
export type TokenAlgorithm = 'ecdsa-p256';

export interface KeyAttributes {
  extractable: boolean;
  sensitive: boolean;
  neverExtractable: boolean;
  alwaysSensitive: boolean;
  local: boolean;
}

export interface TokenDriver {
  list(): TokenSummary[];
  /** Logs in with the password and out again: throws `TokenError` UKEY_PASSWORD_WRONG / UKEY_PASSWORD_FINAL_TRY / UKEY_LOCKED. */
  checkPassword(serial: string, password: string): void;
  /** A new key pair generated on the token; the private key is sensitive and never extractable. */
  generateKey(serial: string, password: string, label: string): { keyId: string; algorithm: TokenAlgorithm; publicKey: Uint8Array };
  /** The public key as a DER SubjectPublicKeyInfo. */
  publicKey(serial: string, keyId: string): Uint8Array;
  /** A signature over a SHA-256 digest, made on the token: DER ECDSA-Sig-Value. */
  signDigest(serial: string, password: string, keyId: string, digest: Uint8Array): Uint8Array;
  /** Signatures over several SHA-256 digests after one login (批量签章: one password for the batch). */
  signDigests(serial: string, password: string, keyId: string, digests: Uint8Array[]): Uint8Array[];
  /** The X.509 certificate (DER) written beside the key: public, read without the password. */
  certificate(serial: string, keyId: string): Uint8Array;
  writeCertificate(serial: string, password: string, keyId: string, certificate: Uint8Array, label: string): void;
  /** Removes the key pair and certificate with this id (every seal object when no id): how many objects went. */
  remove(serial: string, password: string, keyId?: string): number;
  keyAttributes(serial: string, password: string, keyId: string): KeyAttributes;
}

export const TOKEN_ERRORS = {
  UKEY_NOT_FOUND: { status: 404, message: '未检测到该UKey，请确认UKey已插入' },
  UKEY_KEY_NOT_FOUND: { status: 404, message: 'UKey中没有该印章的密钥' },
  UKEY_CERTIFICATE_NOT_FOUND: { status: 404, message: 'UKey中没有该印章的证书，请先在“我的印章”中绑定Ukey' },
  UKEY_PASSWORD_WRONG: { status: 401, message: 'UKey密码错误，请重新输入（连续输错多次UKey将被锁定）' },
  UKEY_PASSWORD_FINAL_TRY: { status: 401, message: 'UKey密码错误，再输错一次UKey将被锁定' },
  UKEY_LOCKED: { status: 423, message: 'UKey密码错误次数过多，UKey已锁定，请联系UKey发行方解锁' },
  UKEY_CERTIFICATE_INVALID: { status: 400, message: '要写入UKey的证书格式不正确' },
  UKEY_FAILED: { status: 502, message: 'UKey操作失败，请重新插入UKey后重试' },
} as const;
export type TokenErrorCode = keyof typeof TOKEN_ERRORS;

/**
 * What a refused login means to the user, from the token's flags read right after it: PKCS#11 has
 * no count of tries left, only "count low", "final try" and "locked" (a vendor's limit behind them).
 */
export function wrongPassword(flags: { passwordFinalTry: boolean; passwordLocked: boolean }): TokenError {
  if (flags.passwordLocked) return new TokenError('UKEY_LOCKED');
  return new TokenError(flags.passwordFinalTry ? 'UKEY_PASSWORD_FINAL_TRY' : 'UKEY_PASSWORD_WRONG');
}

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    readonly detail?: string,
  ) {
    super(TOKEN_ERRORS[code].message);
    this.name = 'TokenError';
  }
}
