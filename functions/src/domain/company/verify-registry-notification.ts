import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadIdentityConfig } from '../identity/identity-config';
import { REPLAY_WINDOW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER, signatureMatches } from './notification-signature';

function rawBody(event: APIGatewayProxyEventV2): Uint8Array {
  if (!event.body) return new Uint8Array();
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

/**
 * Auth mode `registry`: a valid HMAC over timestamp + body, and a timestamp within the replay
 * window of our clock. (The notification id, checked by the handler against `Nonce`, stops a
 * replay inside the window.)
 */
export async function verifyRegistryRequest(event: APIGatewayProxyEventV2, services: Ports): Promise<string> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  if (!Number.isInteger(timestamp)) throw new DomainError('REQUEST_SIGNATURE_INVALID');
  const skew = Math.abs(services.now().getTime() / 1000 - timestamp);
  if (skew > REPLAY_WINDOW_SECONDS) throw new DomainError('REQUEST_SIGNATURE_INVALID', '请求已过期');
  if (!signatureMatches(loadIdentityConfig().registryHmacKey, timestamp, rawBody(event), headers[SIGNATURE_HEADER])) {
    throw new DomainError('REQUEST_SIGNATURE_INVALID');
  }
  return 'business-registry';
}
