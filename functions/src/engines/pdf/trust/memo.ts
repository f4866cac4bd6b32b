import { createHash } from 'node:crypto';

/**
 * Memoizes pure, slow checks (the PKI's chain and timestamp verdicts take 15–40 ms each, mostly
 * ASN.1 parsing) by a digest of their inputs. Verdicts depend only on the inputs, so a hit is
 * exactly what a fresh call would say; the map is bounded.
 */
export class Memo<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly limit = 512) {}

  static key(...parts: (Uint8Array | string | number)[]): string {
    const h = createHash('sha256');
    for (const p of parts) h.update(typeof p === 'number' ? String(p) : p).update('\0');
    return h.digest('base64');
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const value = compute();
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
