import type { Ports } from '../../src/ports';
import { registrySeedHook } from './hooks/registry-seed-hook';
import { platformCertificatesHook } from './hooks/platform-certificates-hook';
import { starterSealsHook } from './hooks/starter-seals-hook';

/**
 * What the local stack does after its services are up and before it takes requests: each area
 * adds its step here (platform keys and certificates, seed data of the local registry...).
 * Every hook is idempotent: a restart over persistent data runs them again.
 */
export type StartupHook = { name: string; run(services: Ports, options: { dataDir: string }): Promise<void> };

export const startupHooks: StartupHook[] = [platformCertificatesHook, registrySeedHook, starterSealsHook];
