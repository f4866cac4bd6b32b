import { SignatureV4 } from '@smithy/signature-v4';
import { rfc3986, Sha256 } from '../../dev/local/s3-signature';

/**
 * Tests only: s3rver 3.7 accepts any SigV4 signature ("V4 signatures have incomplete support"),
 * so a wrong canonical path (a Chinese key badly encoded) or an upload with another content type
 * than the one signed would pass locally and fail in AWS. This recomputes the signature of each
 * request with the AWS SDK's own signer (@smithy/signature-v4), as S3 does: path segments decoded
 * then RFC 3986-encoded, query decoded then re-encoded, only the headers the request says it signed.
 * The signature arithmetic alone, for URLs made for AWS (session tokens included); the local S3's
 * own policy (its one key, clock skew, no session tokens) is dev/local/s3-signature.ts, whose hash
 * and encoding this shares.
 */

export interface ReceivedRequest {
  method: string;
  /** As received: still percent-encoded. */
  path: string;
  /** The raw query string, without '?'. */
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
}

const amzDateToDate = (d: string) => new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);

/** Why the request's signature is wrong, or undefined when it is right (or the request is unsigned). */
export async function signatureProblem(request: ReceivedRequest, secretAccessKey = 'S3RVER'): Promise<string | undefined> {
  const query = Object.fromEntries(new URLSearchParams(request.querystring));
  const authorization = typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
  const presigned = 'X-Amz-Algorithm' in query;
  if (!presigned && !authorization?.startsWith('AWS4-HMAC-SHA256')) return undefined;

  const fields = presigned
    ? { credential: query['X-Amz-Credential']!, signedHeaders: query['X-Amz-SignedHeaders']!, signature: query['X-Amz-Signature']! }
    : Object.fromEntries(authorization!.slice('AWS4-HMAC-SHA256 '.length).split(/,\s*/).map((part) => part.split('=') as [string, string]).map(([k, v]) => [k.toLowerCase(), v]));
  const [accessKeyId, , region, service] = (fields.credential ?? '').split('/');
  const signedHeaders = (fields.signedheaders ?? fields.signedHeaders ?? '').split(';');
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name] ?? '')]));
  const signer = new SignatureV4({ service: service!, region: region!, credentials: { accessKeyId: accessKeyId!, secretAccessKey }, sha256: Sha256, uriEscapePath: false });
  const path = request.path.split('/').map((segment) => rfc3986(decodeURIComponent(segment))).join('/');
  const { 'X-Amz-Signature': _, ...unsignedQuery } = query;
  const base = { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query: unsignedQuery, headers };
  const options = { signableHeaders: new Set(signedHeaders) };

  let expected: string | undefined;
  if (presigned) {
    const signingDate = amzDateToDate(query['X-Amz-Date']!);
    // A presigned URL's payload is never signed: S3 puts UNSIGNED-PAYLOAD in the canonical request.
    const unsigned = new Set(['x-amz-content-sha256']);
    const withPayload = { ...base, headers: { ...headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
    const signed = await signer.presign(withPayload, { ...options, signingDate, expiresIn: Number(query['X-Amz-Expires']), unsignableHeaders: unsigned, unhoistableHeaders: unsigned });
    expected = signed.query?.['X-Amz-Signature'] as string | undefined;
  } else {
    const signingDate = amzDateToDate(String(request.headers['x-amz-date']));
    const signed = await signer.sign(base, { ...options, signingDate });
    expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1];
  }
  return expected === fields.signature ? undefined : `signature ${fields.signature} should be ${expected} (${request.method} ${path})`;
}
