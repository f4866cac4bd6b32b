import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles (infra/lib/bundling.ts).
 * Lambda always hands a function its role's credentials in the environment, so the default
 * chain's SSO, profile, process and web-identity providers (and the STS/SSO clients they carry)
 * are dead weight there. Tests and the local stack keep the full chain.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
