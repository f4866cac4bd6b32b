import { portRecipe } from '../composition';
import { SimulatedElectronicLicence } from '../adapters/registry/simulated-electronic-licence';

/**
 * ELECTRONIC_LICENCE: 电子营业执照 authorization of 在线申请. The simulated one reads the container's
 * registry, so a handler that composes this port composes `registry` too.
 */
export const licences = portRecipe('licences', (env, ports) => {
  const kind = env.ELECTRONIC_LICENCE ?? 'simulated';
  switch (kind) {
    // The national 电子营业执照 system's authorization API is not public; its adapter would be chosen here.
    case 'simulated':
      return new SimulatedElectronicLicence(ports.config.STAGE, ports.registry);
    default:
      throw new Error(`unknown ELECTRONIC_LICENCE ${kind}`);
  }
});
