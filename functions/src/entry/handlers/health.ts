import type { HealthResponse } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';

async function probe(check: () => Promise<unknown>): Promise<HealthResponse['services'][string]> {
  const started = Date.now();
  try {
    await check();
    return { up: true, latencyMs: Date.now() - started };
  } catch (error) {
    return { up: false, latencyMs: Date.now() - started, detail: (error as Error).name };
  }
}

/** GET /v1/health: is each backing service reachable (table, documents bucket, the root CA key)? */
export const handler = defineHandler(routes.health, {
  ports: [blobs, platformKeys],
  async run({ services }) {
    const { config } = services;
    const [dynamodb, s3, kms] = await Promise.all([
      probe(() => services.store.ping()),
      probe(() => services.blobs.headBucket()),
      probe(() => services.platformKeys.ping()),
    ]);
    const body: HealthResponse = {
      status: dynamodb.up && s3.up && kms.up ? 'ok' : 'degraded',
      stage: config.STAGE,
      version: config.SERVICE_VERSION,
      time: services.now().toISOString(),
      services: { dynamodb, s3, kms },
    };
    return { status: body.status === 'ok' ? 200 : 503, body };
  },
});
