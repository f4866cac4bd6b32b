import { Memo } from './memo';
import { verifyChain, type ChainProblem } from './pki';

export const chainMemo = new Memo<ChainResult>();

export type ChainStatus = 'valid' | 'expired' | 'not_yet_valid' | 'unknown_issuer' | 'invalid_chain';
export interface ChainResult {
  status: ChainStatus;
  /** Plain-Chinese reason from the PKI when not valid. */
  reason?: string;
}

/** The PKI's verdicts folded into the statuses a verification report shows. */
const STATUS: Record<ChainProblem, ChainStatus> = {
  MALFORMED: 'invalid_chain',
  // A root look-alike (same name, other key) fails on the signature: still not a certificate we know.
  UNKNOWN_ISSUER: 'unknown_issuer',
  BAD_SIGNATURE: 'unknown_issuer',
  NOT_A_CA: 'invalid_chain',
  KEY_USAGE: 'invalid_chain',
  EXPIRED: 'expired',
  NOT_YET_VALID: 'not_yet_valid',
  UNSUPPORTED_CRITICAL_EXTENSION: 'invalid_chain',
  TOO_LONG: 'invalid_chain',
};

/** Path from `leaf` through `pool` to a trusted root (matched byte for byte), judged at `at`. */
export function verifyChainAt(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): Promise<ChainResult> {
  return chainMemo.get(Memo.key(leaf, ...pool, '|', ...trustedRoots, at.getTime()), () => check(leaf, pool, trustedRoots, at));
}

async function check(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): Promise<ChainResult> {
  try {
    // verifyChain ends a path at an untrusted self-signed certificate (a look-alike root carried
    // in the CMS) as an unknown issuer, so the whole pool can be offered.
    const verdict = await verifyChain({ certificate: leaf, intermediates: pool, trustedRoots, at });
    return verdict.trusted ? { status: 'valid' } : { status: STATUS[verdict.code ?? 'MALFORMED'], reason: verdict.reason };
  } catch {
    // A certificate that does not even parse breaks the chain.
    return { status: 'invalid_chain' };
  }
}
