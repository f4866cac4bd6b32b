import { S3Client } from '@aws-sdk/client-s3';
import { perServices } from '../per-services';

/** The real S3 client; locally the endpoint is the s3rver of the local stack (path-style). */
export function createS3Client(env: { endpoint?: string; region: string }): S3Client {
  return new S3Client({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
}

/** The S3 client of this container, built on first use. */
export const s3Of = perServices((services) => createS3Client({ endpoint: services.config.S3_ENDPOINT, region: services.config.AWS_REGION }));
