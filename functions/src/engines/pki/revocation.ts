/** CRLReason codes (RFC 5280 §5.3.1), by name. 7 is unused. */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;

/**
 * Suggested reasons for the platform's events: seal revoked or company closed → cessationOfOperation;
 * business-licence change → affiliationChanged; PIN reset or renewal (credential superseded) →
 * superseded; suspected key leak → keyCompromise.
 */
export function reasonFromCode(code: number): RevocationReason {
  const entry = Object.entries(REVOCATION_REASONS).find(([, value]) => value === code);
  return (entry?.[0] as RevocationReason | undefined) ?? 'unspecified';
}

/** One revoked certificate, as the platform stores it and as a CRL lists it. */
export interface Revocation {
  /** Certificate serial number, hex (any case, leading zeros ignored). */
  serialNumber: string;
  revokedAt: Date;
  reason?: RevocationReason;
}

/** Canonical serial hex: lowercase, no leading zero bytes. */
export function normalizeSerial(serial: string): string {
  const hex = serial
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .replace(/^0+/, '');
  if (hex.length === 0) return '00';
  return hex.length % 2 ? `0${hex}` : hex;
}
