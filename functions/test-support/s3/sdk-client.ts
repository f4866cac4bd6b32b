import { S3Client } from '@aws-sdk/client-s3';
import { perServices } from '../../src/adapters/per-services';

/**
 * Tests only: the AWS SDK's own S3 client, to read back (and list) what the platform wrote
 * through its signed-fetch adapter — an independent check of keys, bodies and headers.
 */
export function sdkS3Client(endpoint: string, region = 'us-east-1'): S3Client {
  return new S3Client({ region, endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}

/** The SDK client for the local S3 endpoint of a test container. */
export const sdkS3Of = perServices((services) => {
  if (!services.config.S3_ENDPOINT) throw new Error('tests read S3 through S3_ENDPOINT (the local s3rver)');
  return sdkS3Client(services.config.S3_ENDPOINT, services.config.AWS_REGION);
});
