import type { HealthResponse } from '@seal/shared';
import type { Ports } from '../../ports';

/** How long a readiness report answers again before the services are asked anew (per container). */
export const READINESS_CACHE_MS = 10_000;

async function probe(check: () => Promise<unknown>): Promise<HealthResponse['services'][string]> {
  const started = Date.now();
  try {
    await check();
    return { up: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { up: false, latencyMs: Date.now() - started, detail: (error as Error).name };
  }
}

let cached: { report: Promise<HealthResponse>; until: number } | undefined;

/**
 * Readiness (decision 0142): is each backing service reachable (table, documents bucket, the root CA
 * key)? Asked at most once per READINESS_CACHE_MS per container, so an operator's dashboard or a
 * burst of checks costs the services one round.
 */
export function checkReadiness(services: Ports): Promise<HealthResponse> {
  const now = services.now().getTime();
  if (cached && now < cached.until) return cached.report;
  const report = (async (): Promise<HealthResponse> => {
    const [dynamodb, s3, kms] = await Promise.all([
      probe(() => services.store.ping()),
      probe(() => services.blobs.headBucket()),
      probe(() => services.platformKeys.ping()),
    ]);
    return {
      status: dynamodb.up && s3.up && kms.up ? 'ok' : 'degraded',
      stage: services.config.STAGE,
      version: services.config.SERVICE_VERSION,
      time: services.now().toISOString(),
      services: { dynamodb, s3, kms },
    };
  })();
  cached = { report, until: now + READINESS_CACHE_MS };
  return report;
}
