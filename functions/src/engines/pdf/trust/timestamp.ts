import { Memo } from './memo';
import { OID, verifyTimestampToken, type ChainProblem, type TimestampFailure } from './pki';

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
export function checkTimestamp(token: Uint8Array, covers: Covered, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  // A document's ranges are named by their SHA-256 (from the caller's one read of the file when it has one), not hashed again.
  const contentDigest = 'content' in covers ? covers.digestContent?.(OID.sha256) : undefined;
  const parts = 'signatureValue' in covers ? [covers.signatureValue] : contentDigest ? ['sha256', contentDigest] : covers.content;
  return timestampMemo.get(Memo.key(token, '|', ...parts, '|', ...trustedRoots), () => check(token, covers, trustedRoots));
}

/** What a token covers: a signature value, or a document's ranges (with their digests when the caller has them). */
type Covered = { signatureValue: Uint8Array } | { content: Uint8Array[]; digestContent?: (algorithmOid: string) => Uint8Array | undefined };

async function check(token: Uint8Array, covers: Covered, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
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
