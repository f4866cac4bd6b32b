import { S3Client } from '@aws-sdk/client-s3';

/** The real S3 client; locally the endpoint is the s3rver of the local stack (path-style). */
export function createS3Client(env: { endpoint?: string; region: string }): S3Client {
  return new S3Client({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
}
