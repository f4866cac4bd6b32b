import { portRecipe } from '../composition';
import { LocalBusinessRegistry } from '../adapters/registry/local-registry';

/** REGISTRY: the business-licence registry (营业执照系统). */
export const registry = portRecipe('registry', (env, ports) => {
  const kind = env.REGISTRY ?? 'local';
  switch (kind) {
    // The real 营业执照系统's API is not public; its adapter would be chosen here.
    case 'local':
      return new LocalBusinessRegistry(ports.config.STAGE, () => ports.now());
    default:
      throw new Error(`unknown REGISTRY ${kind}`);
  }
});
