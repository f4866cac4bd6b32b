import { Memo } from './memo';
import { verifyTimestampToken } from './pki';

export const timestampMemo = new Memo<TimestampCheck>();

export interface TimestampCheck {
  time?: Date;
  valid: boolean;
  problems: string[];
}

/**
 * An RFC 3161 signature time-stamp is good when its imprint is SHA-256 of this signature value,
 * its own CMS signature verifies, and its TSA chains to a trusted root at genTime (PKI module).
 */
export function checkTimestamp(token: Uint8Array, signatureValue: Uint8Array, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  return timestampMemo.get(Memo.key(token, signatureValue, '|', ...trustedRoots), () => check(token, signatureValue, trustedRoots));
}

async function check(token: Uint8Array, signatureValue: Uint8Array, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  try {
    const verdict = await verifyTimestampToken({ token, signatureValue, trustedRoots });
    return { time: verdict.info?.genTime, valid: verdict.valid, problems: verdict.reasons.length ? verdict.reasons : verdict.valid ? [] : ['时间戳无效'] };
  } catch {
    return { valid: false, problems: ['时间戳无法解析'] };
  }
}
