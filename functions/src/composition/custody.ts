import { portRecipe } from '../composition';
import { createKeyCustody } from '../adapters/aws-kms';
import { kmsClientOf } from './kms-client';

/** Where seal-credential keys live: KEY_CUSTODY (kms-envelope or kms-asymmetric). */
export const custody = portRecipe('custody', (env, ports) => createKeyCustody(ports.config.KEY_CUSTODY, { client: kmsClientOf(ports, env) }));
