import { createHash, type Hash } from 'node:crypto';

/** [start, length] pairs of a file, hashed one after another. */
export type Ranges = readonly (readonly [number, number])[];

/**
 * The digests of every signature's byte ranges of one file, with each digest algorithm read over
 * the file once. A signature's ranges start with the prefix [0, a) (everything before its
 * /Contents) and go on with what follows the hole up to its revision's end: one running hash reads
 * the file from the start, is forked (Hash.copy) where each signature's prefix ends, and each fork
 * takes only the rest of its own ranges. Twenty successive signatures on a large file then cost one
 * read of it plus twenty small tails, not twenty reads. Ranges of any other shape (not starting at
 * 0, or not registered) are hashed directly; the digests are the same bytes either way.
 */
export class RangeDigests {
  private readonly prefixed: { key: string; ranges: Ranges }[] = [];
  private readonly registered = new Set<string>();
  private readonly done = new Map<string, Map<string, Uint8Array>>();

  constructor(
    private readonly bytes: Uint8Array,
    rangeSets: readonly Ranges[],
  ) {
    for (const ranges of rangeSets) {
      const key = keyOf(ranges);
      const first = ranges[0];
      if (!first || first[0] !== 0 || !Number.isSafeInteger(first[1]) || first[1] < 0 || this.registered.has(key)) continue;
      this.registered.add(key);
      this.prefixed.push({ key, ranges });
    }
    // Forks in file order: the running hash only ever moves forward.
    this.prefixed.sort((x, y) => this.prefixEnd(x.ranges) - this.prefixEnd(y.ranges));
  }

  /** The digest of `ranges` with a node:crypto hash name (sha256, sha384, sha512, sm3, ...). */
  digest(algorithm: string, ranges: Ranges): Uint8Array {
    const key = keyOf(ranges);
    if (this.registered.has(key)) return this.pass(algorithm).get(key)!;
    const h = createHash(algorithm);
    this.update(h, ranges);
    return new Uint8Array(h.digest());
  }

  /** One forward read of the file for `algorithm`, digesting every registered range set. */
  private pass(algorithm: string): Map<string, Uint8Array> {
    const cached = this.done.get(algorithm);
    if (cached) return cached;
    const digests = new Map<string, Uint8Array>();
    if (this.prefixed.length > 0) {
      const running = createHash(algorithm);
      let at = 0;
      for (const { key, ranges } of this.prefixed) {
        const end = this.prefixEnd(ranges);
        running.update(this.bytes.subarray(at, end));
        at = end;
        const fork = running.copy();
        this.update(fork, ranges.slice(1));
        digests.set(key, new Uint8Array(fork.digest()));
      }
    }
    this.done.set(algorithm, digests);
    return digests;
  }

  private prefixEnd(ranges: Ranges): number {
    return Math.min(this.bytes.length, ranges[0]![1]);
  }

  private update(h: Hash, ranges: Ranges): void {
    for (const [start, length] of ranges) h.update(this.bytes.subarray(start, start + length));
  }
}

const keyOf = (ranges: Ranges): string => ranges.map(([s, l]) => `${s}+${l}`).join(',');
