import { certificate, issuedBy } from './certificates';

export type ChainStatus = 'valid' | 'expired' | 'not_yet_valid' | 'unknown_issuer' | 'invalid_chain';
export interface ChainResult {
  status: ChainStatus;
  /** Leaf first, ending at the trusted root when one was reached. */
  path: Uint8Array[];
}

const MAX_PATH = 6;
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/**
 * Builds a path from `leaf` through `pool` to one of `trustedRoots` (matched byte for byte:
 * a look-alike root with the same name is not trusted) and checks each link's signature,
 * CA flag and validity at `at`.
 */
export async function verifyChainAt(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): Promise<ChainResult> {
  try {
    return walk(leaf, pool, trustedRoots, at);
  } catch {
    // A certificate that does not even parse breaks the chain.
    return { status: 'invalid_chain', path: [leaf] };
  }
}

function walk(leaf: Uint8Array, pool: Uint8Array[], trustedRoots: Uint8Array[], at: Date): ChainResult {
  const path: Uint8Array[] = [leaf];
  let current = leaf;
  let timeProblem: ChainStatus | undefined;
  for (let depth = 0; depth < MAX_PATH; depth++) {
    const cert = certificate(current);
    if (at < cert.notBefore.value) timeProblem ??= 'not_yet_valid';
    if (at > cert.notAfter.value) timeProblem ??= 'expired';
    if (trustedRoots.some((r) => same(r, current))) return { status: timeProblem ?? 'valid', path };
    const candidates = [...trustedRoots, ...pool].filter((c) => !same(c, current) && certificate(c).subject.isEqual(cert.issuer));
    const next = candidates.find((c) => issuedBy(current, c));
    // No verifiable issuer, or a self-signed look-alike of the root: not a certificate we know.
    if (!next) return { status: 'unknown_issuer', path };
    path.push(next);
    current = next;
  }
  return { status: 'invalid_chain', path };
}
