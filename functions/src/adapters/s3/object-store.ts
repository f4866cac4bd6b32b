import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { encodeKey, encodeRfc3986, objectUrl, type S3Location } from './object-url';
import { s3ErrorFromXml, s3ErrorOf } from './s3-error';
import { presignedUrl } from './presign';
import type { BlobStore } from '../../ports/blob-store';
import { credentialsFor, type S3Credentials } from './credentials';

/**
 * The `BlobStore` port on S3: the eight object operations the platform uses, on one bucket, as
 * SigV4-signed fetch requests (aws4fetch) instead of the S3 SDK client (decision 0026). Non-2xx
 * answers other than the expected 404 / 412 throw an `S3Error` carrying S3's code.
 */
export type ObjectStore = BlobStore;

export interface ObjectStoreOptions extends S3Location {
  bucket: string;
  /** Defaults: 'S3RVER' for a local endpoint, else the Lambda's AWS_* environment variables. */
  credentials?: S3Credentials;
}

export function createObjectStore(options: ObjectStoreOptions): ObjectStore {
  const { bucket } = options;
  let credentials: S3Credentials | undefined;
  let client: AwsClient | undefined;
  // Credentials are read on first use: building a store never fails, a request without them does.
  const signing = () => ({ region: options.region, ...(credentials ??= options.credentials ?? credentialsFor(options)) });
  const aws = () => (client ??= new AwsClient({ ...signing(), service: 's3', retries: 2 }));
  const url = (key?: string) => objectUrl(options, bucket, key);

  async function send(operation: string, key: string | undefined, init: RequestInit, expected: number[] = []): Promise<Response> {
    // A redirect (wrong region) would be re-sent unsigned to another host: it is an error instead.
    const response = await aws().fetch(url(key), { ...init, redirect: 'manual' });
    if (response.ok || expected.includes(response.status)) return response;
    throw await s3ErrorOf(response, `${operation} ${bucket}/${key ?? ''}`);
  }
  const drain = (response: Response) => response.arrayBuffer().then(() => undefined);

  return {
    bucket,
    async put(key, body, { contentType, ifNoneMatch, contentMd5 }) {
      const headers: Record<string, string> = { 'content-type': contentType };
      if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
      if (contentMd5) headers['content-md5'] = createHash('md5').update(body).digest('base64');
      // Bytes here are never on a SharedArrayBuffer; the DOM typing only allows ArrayBuffer-backed views.
      const payload = body as string | Uint8Array<ArrayBuffer>;
      const response = await send('PutObject', key, { method: 'PUT', headers, body: payload }, ifNoneMatch ? [412] : []);
      await drain(response);
      return response.status === 412 ? 'already-exists' : 'stored';
    },
    async get(key) {
      const response = await send('GetObject', key, { method: 'GET' }, [404]);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return response.status === 404 ? undefined : bytes;
    },
    async readHashed(key, maxBytes) {
      const response = await send('GetObject', key, { method: 'GET' }, [404]);
      if (response.status === 404) return drain(response);
      const length = Number(response.headers.get('content-length'));
      if (!Number.isSafeInteger(length) || length > maxBytes) {
        await response.body?.cancel();
        return 'too-large';
      }
      // One buffer of the announced length, filled and hashed chunk by chunk as the body streams in.
      const bytes = new Uint8Array(length);
      const sha256 = createHash('sha256');
      let filled = 0;
      const reader = response.body?.getReader();
      for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
        if (filled + part.value.length > length) throw new Error(`GetObject ${bucket}/${key}: more bytes than its content-length`);
        bytes.set(part.value, filled);
        sha256.update(part.value);
        filled += part.value.length;
      }
      if (filled !== length) throw new Error(`GetObject ${bucket}/${key}: ${filled} of ${length} bytes`);
      return { bytes, sha256 };
    },
    async head(key) {
      const response = await send('HeadObject', key, { method: 'HEAD' }, [404]);
      return response.status === 404 ? undefined : { size: Number(response.headers.get('content-length') ?? 0) };
    },
    async delete(key) {
      await drain(await send('DeleteObject', key, { method: 'DELETE' }));
    },
    async copy(fromKey, toKey) {
      const source = `/${encodeRfc3986(bucket)}/${encodeKey(fromKey)}`;
      const response = await send('CopyObject', toKey, { method: 'PUT', headers: { 'x-amz-copy-source': source } });
      // S3 may fail a copy after answering 200: the error is then in the body.
      const failed = s3ErrorFromXml(response.status, await response.text(), `CopyObject ${bucket}/${toKey}`);
      if (failed) throw failed;
    },
    async headBucket() {
      await send('HeadBucket', undefined, { method: 'HEAD' });
    },
    presignPut: (key, presign) => presignedUrl(signing(), url(key), { ...presign, method: 'PUT' }),
    presignGet: (key, presign) => presignedUrl(signing(), url(key), { ...presign, method: 'GET' }),
  };
}
