import { createHash } from 'node:crypto';

/**
 * An append-only hash chain: each link's hash covers the previous hash and its own facts in
 * canonical JSON, so changing, removing or reordering any link breaks every later one. The
 * platform keeps one per company for its audit events (the store appends, decision 0002).
 */
export interface ChainFacts {
  seq: number;
}

/** The hash before the first link of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same facts always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, facts: ChainFacts): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(facts)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/**
 * Walks a chain's links in order and reports the first broken link, if any. A part of a chain
 * starts at `from` (its first link's seq and the hash that link must follow); a whole chain, at
 * seq 1 after the genesis hash.
 */
export function findFirstBreak(
  events: readonly (ChainFacts & { prevHash: string; hash: string })[],
  from: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH },
): ChainBreak | null {
  let prev = from.prevHash;
  let expectedSeq = from.seq;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, problem: 'sequence_gap' };
    if (e.prevHash !== prev) return { seq: e.seq, problem: 'prev_hash_mismatch' };
    const { prevHash, hash, ...facts } = e;
    if (eventHash(prevHash, facts) !== hash) return { seq: e.seq, problem: 'hash_mismatch' };
    prev = hash;
    expectedSeq++;
  }
  return null;
}

/** What a checkpoint of chain `chainId` at link `seq` (hash `hash`) timestamps: SHA-256 of the three in canonical JSON. */
export function checkpointImprint(chainId: string, seq: number, hash: string): Uint8Array {
  return createHash('sha256').update(canonicalJson({ chainId, seq, hash })).digest();
}
