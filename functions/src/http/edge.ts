import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '@seal/shared';
import { ORIGIN_VERIFY_HEADER } from './security-headers';

/** Who is on the other end of a request, as far as the platform can tell. */
export interface Client {
  ip?: string;
  userAgent?: string;
}

/** `203.0.113.7:46532` or `2001:db8::1:46532` (CloudFront-Viewer-Address) → the address without the port. */
export function viewerAddress(value: string | undefined): string | undefined {
  const at = value?.lastIndexOf(':') ?? -1;
  return at > 0 ? value!.slice(0, at).replace(/^\[|\]$/g, '') : undefined;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The caller's address. Behind CloudFront (`originSecret` set: decision 0074) a request must carry
 * the origin secret CloudFront adds — one sent to the API's own URL went around the firewall and is
 * refused — and the address is the viewer's, from CloudFront-Viewer-Address (API Gateway sees
 * CloudFront's). Locally and without the edge: the connection's address.
 */
export function clientOf(event: APIGatewayProxyEventV2, originSecret: string | undefined): Client {
  const headers = event.headers ?? {};
  const userAgent = headers['user-agent'];
  if (originSecret === undefined) return { ip: event.requestContext?.http?.sourceIp, userAgent };
  if (!sameSecret(headers[ORIGIN_VERIFY_HEADER], originSecret)) throw new DomainError('NOT_AUTHORIZED', '请通过平台网址访问');
  return { ip: viewerAddress(headers['cloudfront-viewer-address']) ?? event.requestContext?.http?.sourceIp, userAgent };
}
