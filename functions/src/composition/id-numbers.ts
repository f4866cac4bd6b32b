import { portRecipe } from '../composition';
import { kmsIdNumberVault } from '../adapters/aws-kms/id-number-vault';
import { kmsClientOf } from './kms-client';

/** ID numbers sealed with a KMS key. */
export const idNumbers = portRecipe('idNumbers', (env, ports) => kmsIdNumberVault(kmsClientOf(ports, env)));
