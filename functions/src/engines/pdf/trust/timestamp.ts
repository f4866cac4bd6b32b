import { Memo } from './memo';
import { verifyTimestampToken, type ChainProblem, type TimestampFailure } from './pki';

export const timestampMemo = new Memo<TimestampCheck>();

export interface TimestampCheck {
  time?: Date;
  valid: boolean;
  failures: TimestampFailure[];
  chain?: ChainProblem;
  /** Algorithms too weak to rely on. */
  weak: string[];
  /** The TSA certificate (DER), when the token names it. */
  tsaCertificate?: Uint8Array;
}

/**
 * An RFC 3161 token is good when its imprint is the digest of what it covers (this signature value,
 * or for a document timestamp the signed byte ranges), its own CMS signature verifies and its TSA
 * chains to a trusted root at genTime (PKI module).
 */
export function checkTimestamp(token: Uint8Array, covers: { signatureValue: Uint8Array } | { content: Uint8Array[] }, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  const parts = 'signatureValue' in covers ? [covers.signatureValue] : covers.content;
  return timestampMemo.get(Memo.key(token, '|', ...parts, '|', ...trustedRoots), () => check(token, covers, trustedRoots));
}

async function check(token: Uint8Array, covers: { signatureValue: Uint8Array } | { content: Uint8Array[] }, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  try {
    const verdict = await verifyTimestampToken({ token, ...covers, trustedRoots });
    return {
      time: verdict.info?.genTime,
      valid: verdict.valid,
      failures: verdict.failures,
      ...(verdict.chain ? { chain: verdict.chain } : {}),
      weak: verdict.info?.weak ?? [],
      ...(verdict.info?.tsaCertificate ? { tsaCertificate: verdict.info.tsaCertificate } : {}),
    };
  } catch {
    return { valid: false, failures: ['MALFORMED'], weak: [] };
  }
}
