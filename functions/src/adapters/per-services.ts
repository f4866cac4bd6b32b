import type { Services } from '../composition';

// Type-only import of Services: a module using this must not drag the table's entities along.
/** A client built once per container on first use; a new container (after setServices) gets its own. */
export function perServices<T>(build: (services: Services) => T): (services: Services) => T {
  const made = new WeakMap<Services, T>();
  return (services) => {
    if (!made.has(services)) made.set(services, build(services));
    return made.get(services)!;
  };
}
