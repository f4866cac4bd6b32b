import { Memo } from './memo';
import { verifyChain, type ChainProblem } from './pki';

export const chainMemo = new Memo<ChainResult>();

export interface ChainResult {
  trusted: boolean;
  problem?: ChainProblem;
  /** The certificate that issued the leaf (DER), on a trusted path: whose revocation data counts. */
  issuer?: Uint8Array;
}

/** Path from `leaf` through `pool` to a trusted root (matched byte for byte), judged at `at`. */
export function verifyChainAt(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): Promise<ChainResult> {
  return chainMemo.get(Memo.key(leaf, ...pool, '|', ...trustedRoots, at.getTime()), () => check(leaf, pool, trustedRoots, at));
}

async function check(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): Promise<ChainResult> {
  try {
    // verifyChain ends a path at an untrusted self-signed certificate (a look-alike root carried
    // in the CMS) as an unknown issuer, so the whole pool can be offered.
    const verdict = await verifyChain({ certificate: leaf, intermediates: pool, trustedRoots, at });
    return verdict.trusted
      ? { trusted: true, ...(verdict.chain[1] ? { issuer: verdict.chain[1] } : {}) }
      : { trusted: false, problem: verdict.code ?? 'MALFORMED' };
  } catch {
    // A certificate that does not even parse breaks the chain.
    return { trusted: false, problem: 'MALFORMED' };
  }
}
