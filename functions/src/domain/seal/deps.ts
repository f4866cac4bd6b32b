import { createKeyCustody, type KeyCustody } from '../../adapters/aws-kms';
import type { Services } from '../../composition';
import { kmsOf } from '../../adapters/aws-kms/client';

/**
 * What the life-cycle functions need beyond the store: the services container (config, KMS,
 * S3, clock) and the key custody the deployment chose (KEY_CUSTODY). Tests may pass their own
 * custody (e.g. one that pauses inside `signerFor` to race a freeze against a signature).
 */
export interface LifecycleDeps {
  services: Services;
  custody: KeyCustody;
}

const custodies = new WeakMap<Services, KeyCustody>();

export function custodyFor(services: Services): KeyCustody {
  let custody = custodies.get(services);
  if (!custody) {
    custody = createKeyCustody(services.config.KEY_CUSTODY, { client: kmsOf(services) });
    custodies.set(services, custody);
  }
  return custody;
}

export function lifecycleDeps(services: Services, overrides: Partial<LifecycleDeps> = {}): LifecycleDeps {
  return { services, custody: overrides.custody ?? custodyFor(services) };
}
