import { portRecipe } from '../composition';
import { kmsPlatformKeys } from '../adapters/aws-kms/kms-platform-keys';
import { defaultSm2PlatformKeyMode } from '../adapters/aws-kms/sm2-platform-keys';
import { kmsClientOf } from './kms-client';

/** The platform's root, TSA and seal-maker keys in KMS (made on first use only against the local KMS endpoint). */
export const platformKeys = portRecipe('platformKeys', (env, ports) =>
  kmsPlatformKeys(kmsClientOf(ports, env), {
    makeMissing: Boolean(env.KMS_ENDPOINT),
    sm2Keys: ports.config.PLATFORM_SM2_KEYS ?? defaultSm2PlatformKeyMode(ports.config.AWS_REGION),
  }),
);
