import type { Services } from '../../composition';
import type { BusinessRegistry } from '../../ports/business-registry';
import { LocalBusinessRegistry } from './local-registry';

export type { BusinessRegistry, RegistryCompany } from '../../ports/business-registry';
export { LocalBusinessRegistry } from './local-registry';

/**
 * The registry adapter (one place). Only the local one exists: the real 营业执照系统's API is not
 * public; its adapter implements `BusinessRegistry` and is chosen here by `REGISTRY`.
 */
export function businessRegistryFor(services: Services, env: NodeJS.ProcessEnv = process.env): BusinessRegistry {
  const kind = env.REGISTRY ?? 'local';
  switch (kind) {
    case 'local':
      return new LocalBusinessRegistry(services.config.STAGE, () => services.now());
    default:
      throw new Error(`unknown REGISTRY ${kind}`);
  }
}
