import type { SealStore } from '../../ports/seal-store';
import { findFirstBreak, type ChainBreak } from '../../engines/hash-chain/hash-chain';

export interface ChainReport {
  companyId: string;
  events: number;
  intact: boolean;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
}

/**
 * Re-hashes a company's audit chain from the first event (strongly consistent reads, in seq
 * order) and reports the first broken link: an edited event (hash_mismatch), a re-linked one
 * (prev_hash_mismatch) or a deleted one (sequence_gap).
 */
export async function verifyCompanyChain(store: SealStore, companyId: string): Promise<ChainReport> {
  const data = await store.audit.ofCompany(companyId);
  const firstBreak = findFirstBreak(data);
  const last = data[data.length - 1];
  return {
    companyId,
    events: data.length,
    intact: firstBreak === null,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    firstBreak,
  };
}
