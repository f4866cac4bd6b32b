import { S3Client } from '@aws-sdk/client-s3';
import type { Ports } from '../../src/ports';

/**
 * Tests only: the AWS SDK's own S3 client, to read back (and list) what the platform wrote
 * through its signed-fetch adapter — an independent check of keys, bodies and headers.
 */
export function sdkS3Client(endpoint: string, region = 'us-east-1'): S3Client {
  return new S3Client({ region, endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}

const clients = new WeakMap<Ports, S3Client>();

/** The SDK client for the local S3 endpoint of a test container (one per container). */
export function sdkS3Of(services: Ports): S3Client {
  if (!services.config.S3_ENDPOINT) throw new Error('tests read S3 through S3_ENDPOINT (the local s3rver)');
  if (!clients.has(services)) clients.set(services, sdkS3Client(services.config.S3_ENDPOINT, services.config.AWS_REGION));
  return clients.get(services)!;
}
