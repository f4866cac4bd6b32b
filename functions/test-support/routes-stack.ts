import path from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROUTES } from '@seal/shared/api';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../dev/local/stack';
import { startDynamoDbLocal } from '../dev/local/dynamodb-local';
import { startLocalS3 } from '../dev/local/s3-local';
import { startLocalKms } from '../dev/kms-server';
import { ensureTable } from '../src/adapters/dynamodb/create-table';
import { ensurePlatformKeys } from '../src/adapters/aws-kms/platform-keys';
import { createApiServer, loadHandlers } from '../dev/local/api-server';
import { getServices, setServices } from '../src/composition';
import { kmsClientFromEnv } from '../src/adapters/aws-kms/client';

type Options = Required<Pick<LocalStackOptions, 'port' | 'dynamoPort' | 's3Port' | 'kmsPort' | 'dataDir'>>;

/**
 * The local stack; while another area's routes are in the table before their handlers exist
 * (work in progress in a shared checkout), the same emulators and the same API server with the
 * routes whose handlers load. Same handlers, same wire; only unfinished routes are missing.
 */
export async function startStackForTests(options: Options): Promise<LocalStack> {
  try {
    return await startLocalStack({ ...options, inMemoryDb: true });
  } catch (error) {
    if (!/Cannot find module '\.\.\/handlers\//.test(String(error))) throw error;
  }
  const bucket = process.env.DOCUMENTS_BUCKET ?? 'seal-documents';
  const [dynamo, s3, kms] = await Promise.all([
    startDynamoDbLocal({ port: options.dynamoPort }),
    startLocalS3({ port: options.s3Port, dataDir: path.join(options.dataDir, 's3'), buckets: [bucket] }),
    startLocalKms({ port: options.kmsPort, dataDir: path.join(options.dataDir, 'kms') }),
  ]);
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, S3_ENDPOINT: s3.endpoint, KMS_ENDPOINT: kms.endpoint, DOCUMENTS_BUCKET: bucket });
  setServices(undefined);
  const services = getServices();
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: services.config.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, services.config.TABLE_NAME);
  raw.destroy();
  await ensurePlatformKeys(kmsClientFromEnv());
  const loadable = [];
  for (const route of ROUTES) {
    try {
      require.resolve(`../../handlers/${route.handler}`);
      loadable.push(route);
    } catch {
      // not written yet by its area
    }
  }
  const server: Server = createApiServer(await loadHandlers(loadable));
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', () => resolve()));
  return {
    url: `http://localhost:${options.port}`,
    endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, kms: kms.endpoint },
    dataDir: options.dataDir,
    async stop() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
      await Promise.allSettled([dynamo.stop(), s3.stop(), kms.stop()]);
      setServices(undefined);
    },
  };
}
