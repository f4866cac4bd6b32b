import type { ReadOptions, WriteOp } from './write-op';

/** Every certificate the platform CA issued, by serial: the CRL and status-at-time lookups read it. */
export interface CertificateRecord {
  serial: string;
  companyId: string;
  sealId: string;
  credentialId: string;
  notBefore: string;
  notAfter: string;
  /** The CA that issued it, by its CRL's name (decision 0076); absent on records made before SM2: the P-256 root. */
  issuer?: string;
  status: 'issued' | 'revoked';
  /** `-` while issued. */
  revokedAt: string;
  revocationReason?: string;
}

export type NewCertificate = Omit<CertificateRecord, 'status' | 'revokedAt' | 'revocationReason'>;

export interface Certificates {
  get(serial: string, options?: ReadOptions): Promise<CertificateRecord | undefined>;
  /** Every revoked certificate (what the CRL lists). */
  revoked(): Promise<CertificateRecord[]>;
  /** The record of a newly issued certificate (`issued`), written with the credential that holds it. */
  record(certificate: NewCertificate): WriteOp;
  /** issued → revoked, conditional on `issued`: a certificate is revoked once and its first revocation time stands. */
  revoke(serial: string, revocation: { reason: string; at: string }): WriteOp;
}

/** The platform's own certificates (the P-256 root CA, TSA and OCSP responder; the SM2 root CA, TSA and seal maker), created once. */
export interface PlatformCertificateRecord {
  role: 'root' | 'tsa' | 'ocsp-responder' | 'sm2-root' | 'sm2-tsa' | 'seal-maker' | 'sm2-ocsp-responder';
  /** DER, base64. */
  certificate: string;
  serial: string;
  /** The platform key whose public key the certificate certifies. */
  keyId: string;
  notAfter: string;
  createdAt: string;
  /** Earlier certificates of the same role and key (DER, base64), newest first: still answered `good` by OCSP. */
  previous?: string[];
}

export interface PlatformCertificates {
  /** Strongly consistent. */
  get(role: PlatformCertificateRecord['role']): Promise<PlatformCertificateRecord | undefined>;
  /** Create-only: false when a certificate of this role exists already (two cold starts racing). */
  create(certificate: PlatformCertificateRecord): Promise<boolean>;
  /** Replaces the role's certificate by a renewed one, conditional on it still being `replacedSerial` (another run may have renewed it first). */
  renew(certificate: PlatformCertificateRecord, replacedSerial: string): WriteOp;
}

/**
 * A CRL's bookkeeping: every revocation counts up `revocationCount` in its own transaction; the
 * published CRL is current while `builtForCount` equals it; `crlNumber` only grows.
 */
export interface CrlStateRecord {
  issuer: string;
  revocationCount: number;
  crlNumber: number;
  builtForCount: number;
  /** The blob key of the current CRL. */
  objectKey?: string;
  thisUpdate?: string;
  nextUpdate?: string;
}

export interface CrlStates {
  /** Strongly consistent; undefined before the first revocation or build. */
  get(issuer: string): Promise<CrlStateRecord | undefined>;
  /** Adds to the revocation count (the item is born from whichever write comes first). */
  countRevocations(issuer: string, count: number): WriteOp;
  /**
   * Records a newly published CRL, if nobody published after the number read (`readNumber`, 0 when
   * none yet); false when someone did.
   */
  publish(
    issuer: string,
    readNumber: number,
    crl: Required<Pick<CrlStateRecord, 'crlNumber' | 'builtForCount' | 'objectKey' | 'thisUpdate' | 'nextUpdate'>>,
  ): Promise<boolean>;
}
