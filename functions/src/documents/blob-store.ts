import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DomainError } from '@seal/shared';
import type { Services } from '../services';
import { s3Of } from '../adapters/s3/client';

/** How long a presigned upload or download URL works. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 15 * 60;

// Presigning needs its own client: with the SDK's default flexible checksums a presigned PUT
// carries a CRC32 of an empty body and every real upload fails (aws-sdk-js-v3 #6810).
const presigners = new WeakMap<Services, S3Client>();
function presigner(services: Services): S3Client {
  let client = presigners.get(services);
  if (!client) {
    const endpoint = services.config.S3_ENDPOINT;
    client = new S3Client({
      region: services.config.AWS_REGION,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
    });
    presigners.set(services, client);
  }
  return client;
}

const bucket = (services: Services): string => services.config.DOCUMENTS_BUCKET;

/**
 * A presigned PUT whose content-type and content-length are signed: the client must send exactly
 * the declared size as `application/pdf`, or storage refuses the upload.
 */
export async function presignUpload(services: Services, key: string, size: number, now: Date) {
  const command = new PutObjectCommand({ Bucket: bucket(services), Key: key, ContentType: 'application/pdf', ContentLength: size });
  const uploadUrl = await getSignedUrl(presigner(services), command, {
    expiresIn: UPLOAD_URL_SECONDS,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return {
    uploadUrl,
    uploadHeaders: { 'content-type': 'application/pdf', 'content-length': String(size) },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

/** A presigned GET that downloads as `fileName`. */
export async function presignDownload(services: Services, key: string, fileName: string, now: Date) {
  const command = new GetObjectCommand({
    Bucket: bucket(services),
    Key: key,
    ResponseContentType: 'application/pdf',
    ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
  const downloadUrl = await getSignedUrl(presigner(services), command, { expiresIn: DOWNLOAD_URL_SECONDS });
  return { downloadUrl, downloadExpiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}

/** The object's size, or undefined when it is not there (the upload has not arrived). */
export async function objectSize(services: Services, key: string): Promise<number | undefined> {
  try {
    const head = await s3Of(services).send(new HeadObjectCommand({ Bucket: bucket(services), Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Reads an object, refusing one larger than `maxBytes` before downloading it. */
export async function readObject(services: Services, key: string, maxBytes: number): Promise<Uint8Array> {
  const size = await objectSize(services, key);
  if (size === undefined) throw new DomainError('DOCUMENT_NOT_UPLOADED');
  if (size > maxBytes) throw new DomainError('DOCUMENT_TOO_LARGE');
  const object = await s3Of(services).send(new GetObjectCommand({ Bucket: bucket(services), Key: key }));
  return object.Body!.transformToByteArray();
}

export async function writeObject(services: Services, key: string, bytes: Uint8Array): Promise<void> {
  await s3Of(services).send(new PutObjectCommand({ Bucket: bucket(services), Key: key, Body: bytes, ContentType: 'application/pdf' }));
}

/** Best effort: a leftover object is garbage, never a wrong answer (records say what is current). */
export async function deleteObject(services: Services, key: string): Promise<void> {
  await s3Of(services).send(new DeleteObjectCommand({ Bucket: bucket(services), Key: key })).catch(() => undefined);
}
