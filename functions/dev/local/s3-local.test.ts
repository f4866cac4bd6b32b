import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AwsV4Signer } from 'aws4fetch';
import { startLocalS3, type LocalS3 } from './s3-local';
import { freePort } from './wait-for-port';
import { createObjectStore, type ObjectStore } from '../../src/adapters/s3/object-store';

// The local S3 checks SigV4 as S3 does (decision 0070). No test oracle here: each refusal below is
// the server's own.
const BUCKET = 'seal-documents';
const OTHER_BUCKET = 'seal-other';
const REGION = 'cn-north-1';
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7 ${text}`);

let s3: LocalS3;
let dataDir: string;
let store: ObjectStore;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'seal-s3-local-'));
  s3 = await startLocalS3({ port: await freePort(), dataDir, buckets: [BUCKET, OTHER_BUCKET], region: REGION });
  store = createObjectStore({ bucket: BUCKET, endpoint: s3.endpoint, region: REGION });
});
afterAll(async () => {
  await s3.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const errorCode = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];
const upload = (url: string, body: Uint8Array<ArrayBuffer>, contentType = 'application/pdf') => fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body });
const presignPut = (key: string, body: Uint8Array<ArrayBuffer>, now = new Date()) => store.presignPut(key, { contentType: 'application/pdf', contentLength: body.length, expiresIn: 900, now });

describe('the local S3 refuses what S3 refuses', () => {
  const mine = 'uploads/person-a/合同 1.pdf';
  const theirs = 'uploads/person-b/secret.pdf';
  beforeAll(async () => {
    await store.put(theirs, pdf('person B'), { contentType: 'application/pdf' });
  });

  it('lists nothing and serves nothing to an anonymous caller: 403 AccessDenied in S3’s XML', async () => {
    const listing = await fetch(`${s3.endpoint}/${BUCKET}?list-type=2`);
    expect(listing.status).toBe(403);
    expect(listing.headers.get('content-type')).toContain('application/xml');
    expect(await errorCode(listing)).toBe('AccessDenied');
    const object = await fetch(`${s3.endpoint}/${BUCKET}/${theirs}`);
    expect({ status: object.status, code: await errorCode(object) }).toEqual({ status: 403, code: 'AccessDenied' });
    const overwrite = await fetch(`${s3.endpoint}/${BUCKET}/${theirs}`, { method: 'PUT', body: 'forged' });
    expect(overwrite.status).toBe(403);
    expect(await store.get(theirs)).toEqual(pdf('person B'));
  });

  it('accepts the platform’s own upload and download URLs', async () => {
    const body = pdf('mine');
    expect((await upload(await presignPut(mine, body), body)).status).toBe(200);
    const download = await fetch(await store.presignGet(mine, { expiresIn: 900, now: new Date(), responseContentDisposition: 'attachment' }));
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(body);
  });

  it('refuses an upload URL whose key was swapped for another person’s: the key is in the signature', async () => {
    const body = pdf('forged');
    const url = new URL(await presignPut(mine, body));
    url.pathname = `/${BUCKET}/${theirs}`;
    const response = await upload(url.toString(), body);
    expect({ status: response.status, code: await errorCode(response) }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await store.get(theirs)).toEqual(pdf('person B'));
    // Reading the other key with my download URL is refused the same way.
    const read = new URL(await store.presignGet(mine, { expiresIn: 900, now: new Date() }));
    read.pathname = `/${BUCKET}/${theirs}`;
    expect((await fetch(read)).status).toBe(403);
  });

  it('refuses a URL moved to another bucket', async () => {
    const body = pdf('moved');
    const url = new URL(await presignPut(mine, body));
    url.pathname = url.pathname.replace(`/${BUCKET}/`, `/${OTHER_BUCKET}/`);
    expect((await upload(url.toString(), body)).status).toBe(403);
  });

  it('refuses an upload URL used to read, and a download URL used to write: the method is signed', async () => {
    const body = pdf('mine');
    const uploadUrl = await presignPut(mine, body);
    const read = await fetch(uploadUrl);
    expect({ status: read.status, code: await errorCode(read) }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    const downloadUrl = await store.presignGet(mine, { expiresIn: 900, now: new Date() });
    const write = await upload(downloadUrl, body);
    expect(write.status).toBe(403);
    expect((await fetch(downloadUrl, { method: 'HEAD' })).status).toBe(403);
  });

  it('refuses an upload with another content type or size than signed', async () => {
    const body = pdf('mine');
    const url = await presignPut(mine, body);
    expect((await upload(url, body, 'text/html')).status).toBe(403);
    expect((await upload(url, pdf('mine, and more bytes'))).status).toBe(403);
  });

  it('refuses an expired URL and one not valid yet', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const expired = await fetch(await store.presignGet(mine, { expiresIn: 900, now: hourAgo }));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    const future = await fetch(await store.presignGet(mine, { expiresIn: 900, now: new Date(Date.now() + 3600_000) }));
    expect(future.status).toBe(403);
  });

  it('refuses a query parameter added after signing and an unsigned x-amz-* header', async () => {
    const url = new URL(await store.presignGet(mine, { expiresIn: 900, now: new Date() }));
    url.searchParams.set('response-content-type', 'text/html');
    expect((await fetch(url)).status).toBe(403);
    const plain = await store.presignGet(mine, { expiresIn: 900, now: new Date() });
    expect((await fetch(plain, { headers: { 'x-amz-server-side-encryption': 'AES256' } })).status).toBe(403);
  });

  it('refuses a lifetime over a week, another access key, a wrong secret and another region', async () => {
    const week = new URL(await store.presignGet(mine, { expiresIn: 900, now: new Date() }));
    week.searchParams.set('X-Amz-Expires', String(7 * 24 * 3600 + 1));
    const tooLong = await fetch(week);
    expect({ status: tooLong.status, code: await errorCode(tooLong) }).toEqual({ status: 400, code: 'AuthorizationQueryParametersError' });
    const other = (credentials: { accessKeyId: string; secretAccessKey: string }, region = REGION) => createObjectStore({ bucket: BUCKET, endpoint: s3.endpoint, region, credentials });
    await expect(other({ accessKeyId: 'SOMEONEELSE', secretAccessKey: 'S3RVER' }).get(mine)).rejects.toMatchObject({ code: 'InvalidAccessKeyId', status: 403 });
    await expect(other({ accessKeyId: 'S3RVER', secretAccessKey: 'guess' }).get(mine)).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    await expect(other({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, 'us-east-1').get(mine)).rejects.toMatchObject({ code: 'AuthorizationHeaderMalformed', status: 400 });
  });

  it('refuses a header-signed request from too long ago, and a body that is not the one signed', async () => {
    const sign = (init: { method: string; body?: string; headers?: Record<string, string>; datetime?: string }) =>
      new AwsV4Signer({ url: `${s3.endpoint}/${BUCKET}/uploads/person-a/x.txt`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: REGION, ...init }).sign();
    const old = await sign({ method: 'GET', datetime: new Date(Date.now() - 3600_000).toISOString().replace(/[:-]|\.\d{3}/g, '') });
    const skewed = await fetch(old.url, { method: old.method, headers: old.headers });
    expect({ status: skewed.status, code: await errorCode(skewed) }).toEqual({ status: 403, code: 'RequestTimeTooSkewed' });
    // aws4fetch sends UNSIGNED-PAYLOAD to S3 by default; here the body's digest is signed.
    const digest = createHash('sha256').update('the signed body').digest('hex');
    const signed = await sign({ method: 'PUT', body: 'the signed body', headers: { 'x-amz-content-sha256': digest } });
    const swapped = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: 'another body!!!' });
    expect({ status: swapped.status, code: await errorCode(swapped) }).toEqual({ status: 400, code: 'XAmzContentSHA256Mismatch' });
  });

  it('still answers the browser’s CORS preflight (it carries no credentials in S3 either)', async () => {
    const preflight = await fetch(`${s3.endpoint}/${BUCKET}/${mine}`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('keeps S3’s conditional write: If-None-Match: * never overwrites', async () => {
    expect(await store.put('audit/once.json', '{"seq":1}', { contentType: 'application/json', ifNoneMatch: '*', contentMd5: true })).toBe('stored');
    expect(await store.put('audit/once.json', '{"seq":2}', { contentType: 'application/json', ifNoneMatch: '*', contentMd5: true })).toBe('already-exists');
  });
});
