import { AwsV4Signer } from 'aws4fetch';
import { encodeRfc3986 } from './object-url';
import type { S3Credentials } from './credentials';
import type { PresignGet, PresignPut } from '../../ports/blob-store';

export type { PresignGet, PresignPut };

type Presign = ({ method: 'PUT' } & PresignPut) | ({ method: 'GET' } & PresignGet);

/** SigV4's timestamp form: 20260301T080000Z. */
export const amzDate = (at: Date): string => at.toISOString().replace(/[:-]|\.\d{3}/g, '');

/** A query-signed URL for `url` (SigV4 presigning, aws4fetch's signer). */
export async function presignedUrl(signing: S3Credentials & { region: string }, url: URL, request: Presign): Promise<string> {
  const target = new URL(url);
  target.searchParams.set('X-Amz-Expires', String(request.expiresIn));
  const headers: Record<string, string> = {};
  if (request.method === 'PUT') {
    headers['content-type'] = request.contentType;
    headers['content-length'] = String(request.contentLength);
  } else {
    if (request.responseContentType) target.searchParams.set('response-content-type', request.responseContentType);
    if (request.responseContentDisposition) target.searchParams.set('response-content-disposition', request.responseContentDisposition);
  }
  const signer = new AwsV4Signer({
    url: target.toString(),
    method: request.method,
    headers,
    accessKeyId: signing.accessKeyId,
    secretAccessKey: signing.secretAccessKey,
    sessionToken: signing.sessionToken,
    service: 's3',
    region: signing.region,
    datetime: amzDate(request.now),
    signQuery: true,
    // Sign content-type and content-length too (aws4fetch leaves them out by default).
    allHeaders: true,
  });
  const signed = (await signer.sign()).url;
  // aws4fetch returns the query form-encoded (space as '+', mhart/aws4fetch#83) while it signed %20:
  // write the query as it was signed, which is what S3's presigning rules ask for.
  signed.search = [...signed.searchParams].map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
  return signed.toString();
}
