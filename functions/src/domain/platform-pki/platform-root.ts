import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports';

const cache = new WeakMap<SealStore, Promise<Uint8Array>>();

/**
 * The P-256 root certificate as the bootstrap stored it: the trust anchor of verification. Read
 * from the table alone, not through the platform keys (platform-ca.ts checks the stored
 * certificates against the keys for the functions that sign with them), so a verifying function
 * needs no KMS client and no SM2 curve, and asks KMS nothing (decision 0031). Kept for the
 * container's life; before the bootstrap has run, PLATFORM_NOT_READY (503).
 */
export function platformRoot(store: SealStore): Promise<Uint8Array> {
  let pending = cache.get(store);
  if (!pending) {
    pending = store.platformCertificates.get('root').then((record) => {
      if (!record) throw new DomainError('PLATFORM_NOT_READY');
      return new Uint8Array(Buffer.from(record.certificate, 'base64'));
    });
    pending.catch(() => cache.delete(store));
    cache.set(store, pending);
  }
  return pending;
}
