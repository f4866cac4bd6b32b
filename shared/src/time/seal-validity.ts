import { formatBeijingDate, hasExpired, type TimeInput } from './beijing-time';

/** The day stored before any certificate exists (unclaimed seals): never shown to a person. */
const NO_CERTIFICATE_DAY = '9999-12-31';

/**
 * What a seal list says about a seal's validity: 未领取 before any certificate, 已注销 once revoked,
 * 已过期 past its day, else 有效期至 2027-12-02 (the last day, Beijing calendar).
 */
export function sealValidityText(seal: { state: string; expiresOn?: string | null }, now: TimeInput = Date.now()): string {
  if (seal.state === 'revoked') return '已注销';
  if (seal.state === 'pending_claim' || !seal.expiresOn || seal.expiresOn.startsWith(NO_CERTIFICATE_DAY)) return '未领取';
  const day = seal.expiresOn.slice(0, 10);
  if (seal.state === 'expired' || hasExpired(`${day}T23:59:59.999+08:00`, now)) return '已过期';
  return `有效期至 ${formatBeijingDate(`${day}T12:00:00+08:00`)}`;
}
