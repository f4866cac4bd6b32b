import { KMSClient } from '@aws-sdk/client-kms';

/** The real SDK client, pointed at a local endpoint with placeholder credentials (tests only). */
export function localKmsClient(endpoint: string, region = 'cn-north-1'): KMSClient {
  return new KMSClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}
