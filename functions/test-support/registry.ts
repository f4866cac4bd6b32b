/**
 * The local business registry as tests play it: the seed file, and changes a test records before
 * it sends the registry's notification.
 */
export { LocalBusinessRegistry } from '../src/adapters/registry/local-registry';
export { readRegistrySeed, seedCompanies } from '../src/adapters/registry/seed';
