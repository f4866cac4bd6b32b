import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { startConditionalS3rver } from '../../../test-support/conditional-s3rver';
import { createObjectStore } from './object-store';
import { S3Error } from './s3-error';
import { sdkS3Client } from '../../../test-support/s3/sdk-client';

// The local stack's S3 (s3rver) with S3's conditional writes and real SigV4 checking.
const PORT = 9201;
const BUCKET = 'seal-documents-store-test';
const CHINESE_KEY = 'documents/深圳 合同（盖章版）+1.pdf';
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7 ${text}`);

let server: Awaited<ReturnType<typeof startConditionalS3rver>>;
beforeAll(async () => {
  server = await startConditionalS3rver(PORT, [BUCKET], { verifySignatures: true });
});
afterAll(() => server.stop());

const store = (bucket = BUCKET, secretAccessKey = 'S3RVER') =>
  createObjectStore({ bucket, endpoint: server.endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey } });

async function readWithSdk(key: string) {
  const object = await sdkS3Client(server.endpoint).send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { bytes: await object.Body!.transformToByteArray(), contentType: object.ContentType };
}

describe('the S3 object store (signed fetch)', () => {
  it('stores and reads back an object whose key has Chinese characters, spaces and a plus', async () => {
    expect(await store().put(CHINESE_KEY, pdf('合同'), { contentType: 'application/pdf' })).toBe('stored');
    expect(await store().get(CHINESE_KEY)).toEqual(pdf('合同'));
    expect(await store().head(CHINESE_KEY)).toEqual({ size: pdf('合同').length });
    // The AWS SDK finds it under the same key, with the content type given.
    expect(await readWithSdk(CHINESE_KEY)).toEqual({ bytes: pdf('合同'), contentType: 'application/pdf' });
  });

  it('reads an object in one GET with its SHA-256 taken as it streams, and refuses one over the bound from its length alone', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    await store().put('documents/hashed.pdf', bytes, { contentType: 'application/pdf' });
    const read = await store().readHashed('documents/hashed.pdf', bytes.length);
    if (!read || read === 'too-large') throw new Error('expected the object');
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(read.sha256.copy().digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await store().readHashed('documents/hashed.pdf', bytes.length - 1)).toBe('too-large');
    expect(await store().readHashed('documents/missing.pdf', 10)).toBeUndefined();
  });

  it('says "not found" for a key that is not there', async () => {
    expect(await store().get('documents/missing.pdf')).toBeUndefined();
    expect(await store().head('documents/missing.pdf')).toBeUndefined();
  });

  it('never overwrites with ifNoneMatch: the second write finds the object already there', async () => {
    const key = 'audit/once.json';
    expect(await store().put(key, '{"seq":1}', { contentType: 'application/json', ifNoneMatch: '*', contentMd5: true })).toBe('stored');
    expect(await store().put(key, '{"seq":"forged"}', { contentType: 'application/json', ifNoneMatch: '*', contentMd5: true })).toBe('already-exists');
    expect(new TextDecoder().decode(await store().get(key))).toBe('{"seq":1}');
  });

  it('copies an object within the bucket and deletes it', async () => {
    await store().put('applications/a1/seal-image.png', pdf('image'), { contentType: 'image/png' });
    await store().copy('applications/a1/seal-image.png', 'seals/印章-1/appearance.png');
    expect(await readWithSdk('seals/印章-1/appearance.png')).toEqual({ bytes: pdf('image'), contentType: 'image/png' });
    await store().delete('seals/印章-1/appearance.png');
    expect(await store().head('seals/印章-1/appearance.png')).toBeUndefined();
  });

  it('reaches its bucket, and reports S3’s error code for one that does not exist', async () => {
    await expect(store().headBucket()).resolves.toBeUndefined();
    await expect(store('no-such-bucket').headBucket()).rejects.toMatchObject({ name: 'NotFound', status: 404 });
    await expect(store('no-such-bucket').put('x.pdf', pdf('x'), { contentType: 'application/pdf' })).rejects.toMatchObject({ code: 'NoSuchBucket' });
  });

  it('is refused by S3 when signed with the wrong secret', async () => {
    const refused = store(BUCKET, 'not-the-secret').put('documents/x.pdf', pdf('x'), { contentType: 'application/pdf' });
    await expect(refused).rejects.toBeInstanceOf(S3Error);
    await expect(refused).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });
});

describe('presigned URLs', () => {
  const body = pdf('upload from the browser');
  const upload = (url: string, contentType: string, bytes = body) => fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: bytes });

  it('lets a plain fetch upload exactly the signed content type and length', async () => {
    const url = await store().presignPut(CHINESE_KEY, { contentType: 'application/pdf', contentLength: body.length, expiresIn: 900, now: new Date() });
    expect((await upload(url, 'application/pdf')).status).toBe(200);
    expect(await readWithSdk(CHINESE_KEY)).toEqual({ bytes: body, contentType: 'application/pdf' });
  });

  it('refuses an upload with another content type or another size', async () => {
    const url = await store().presignPut('documents/typed.pdf', { contentType: 'application/pdf', contentLength: body.length, expiresIn: 900, now: new Date() });
    expect((await upload(url, 'text/html')).status).toBe(403);
    expect((await upload(url, 'application/pdf', pdf('upload from the browser, longer'))).status).toBe(403);
    expect(await store().head('documents/typed.pdf')).toBeUndefined();
  });

  it('downloads with the requested file name while the URL is valid, and not after it expired', async () => {
    await store().put(CHINESE_KEY, body, { contentType: 'application/pdf' });
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent('合同 (已签).pdf')}`;
    const options = { expiresIn: 900, responseContentType: 'application/pdf', responseContentDisposition: disposition };
    const fresh = await fetch(await store().presignGet(CHINESE_KEY, { ...options, now: new Date() }));
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-disposition')).toBe(disposition);
    expect(new Uint8Array(await fresh.arrayBuffer())).toEqual(body);
    // Signed an hour ago for 15 minutes: expired now.
    const stale = await fetch(await store().presignGet(CHINESE_KEY, { ...options, now: new Date(Date.now() - 3600_000) }));
    expect(stale.status).toBe(403);
    expect(await stale.text()).toContain('expired');
  });
});
