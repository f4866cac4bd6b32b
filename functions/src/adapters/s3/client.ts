import { S3Client } from '@aws-sdk/client-s3';
import type { Services } from '../../services';

/** The real S3 client; locally the endpoint is the s3rver of the local stack (path-style). */
export function createS3Client(env: { endpoint?: string; region: string }): S3Client {
  return new S3Client({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
}

const clients = new WeakMap<Services, S3Client>();

/** The S3 client of this container, built on first use (a new container after setServices gets its own). */
export function s3Of(services: Services): S3Client {
  let client = clients.get(services);
  if (!client) clients.set(services, (client = createS3Client({ endpoint: services.config.S3_ENDPOINT, region: services.config.AWS_REGION })));
  return client;
}
