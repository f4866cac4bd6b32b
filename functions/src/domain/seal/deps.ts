import type { KeyCustody, Ports } from '../../ports';

/**
 * What the life-cycle functions need: the ports, and the key custody apart because tests may pass
 * their own (e.g. one that pauses inside `signerFor` to race a freeze against a signature).
 */
export interface LifecycleDeps {
  services: Ports;
  custody: KeyCustody;
}

export function lifecycleDeps(services: Ports, overrides: Partial<LifecycleDeps> = {}): LifecycleDeps {
  return { services, custody: overrides.custody ?? services.custody };
}
