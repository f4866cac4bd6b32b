import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports';

export type PlatformRootRole = 'root' | 'sm2-root';

const cache = new WeakMap<SealStore, Map<PlatformRootRole, Promise<Uint8Array>>>();

/**
 * A root certificate as the bootstrap stored it (the P-256 `root` or the SM2 `sm2-root`): a trust
 * anchor of verification. Read from the table alone, not through the platform keys (platform-ca.ts
 * checks the stored certificates against the keys for the functions that sign with them), so a
 * verifying function needs no KMS client and no SM2 curve, and asks KMS nothing (decision 0031).
 * Kept for the container's life; before the bootstrap has run, PLATFORM_NOT_READY (503).
 */
export function platformRoot(store: SealStore, role: PlatformRootRole = 'root'): Promise<Uint8Array> {
  let roots = cache.get(store);
  if (!roots) cache.set(store, (roots = new Map()));
  let pending = roots.get(role);
  if (!pending) {
    pending = store.platformCertificates.get(role).then((record) => {
      if (!record) throw new DomainError('PLATFORM_NOT_READY');
      return new Uint8Array(Buffer.from(record.certificate, 'base64'));
    });
    pending.catch(() => roots.delete(role));
    roots.set(role, pending);
  }
  return pending;
}
