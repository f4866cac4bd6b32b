import { KMSClient } from '@aws-sdk/client-kms';
import { KeyCustodyError } from './key-custody-error';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one place a KMSClient is built. In AWS: region from AWS_REGION, credentials from the
 * Lambda role. Locally: KMS_ENDPOINT points at the local endpoint (functions/dev/kms-server)
 * and, for a loopback endpoint only, placeholder credentials stand in (the local endpoint does
 * not check signatures; real KMS never sees them).
 */
export function kmsClientFromEnv(env: NodeJS.ProcessEnv = process.env): KMSClient {
  const endpoint = env.KMS_ENDPOINT?.trim() || undefined;
  const local = endpoint !== undefined && LOOPBACK.has(hostOf(endpoint));
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? (local ? 'us-east-1' : undefined);
  if (region === undefined) throw new KeyCustodyError('KEY_CUSTODY_MISCONFIGURED', 'AWS_REGION is not set');
  const useLocalCredentials = local && env.AWS_ACCESS_KEY_ID === undefined;
  return new KMSClient({
    region,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(useLocalCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

function hostOf(endpoint: string): string {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new KeyCustodyError('KEY_CUSTODY_MISCONFIGURED', `KMS_ENDPOINT is not an http(s) URL: ${endpoint}`);
  }
  return url.hostname;
}
