import { portRecipe } from '../composition';
import { kmsPinKeys } from '../adapters/aws-kms/kms-pin-keys';
import { kmsClientOf } from './kms-client';

/** The signing-PIN MAC key in KMS (decision 0140): for the functions that set or check a PIN. */
export const pinKeys = portRecipe('pinKeys', (env, ports) => kmsPinKeys(kmsClientOf(ports, env)));
