import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import S3rver from 's3rver';
import { s3ErrorXml, verifyS3Request, type ReceivedS3Request, type S3Credentials, type S3Refusal } from './s3-signature';

/** Dev only: browsers upload to presigned URLs from the app's origin; the signature, not the origin, guards each request. */
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

/** The credentials the platform signs with for a local endpoint (adapters/s3/credentials.ts). */
export const LOCAL_S3_CREDENTIALS: S3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A header-signed body is hashed in memory to check `x-amz-content-sha256` / `Content-MD5`; the
 * platform's largest object is a 50 MB document, so anything larger is refused rather than buffered.
 */
const MAX_CHECKED_BODY = 64 * 1024 * 1024;

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  port: number;
  dataDir: string;
  buckets: string[];
  /** Interface to listen on: loopback unless told otherwise. */
  host?: string;
  /** The region signatures must be scoped to (the platform's AWS_REGION); any when absent. */
  region?: string;
  credentials?: S3Credentials;
  /** Tests: a check of their own, run on each request before S3's (e.g. an independent signature oracle). */
  precheck?: (request: ReceivedS3Request) => Promise<S3Refusal | undefined>;
}

interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  headers: IncomingMessage['headers'];
  req: IncomingMessage | Readable;
  status: number;
  type: string;
  body: unknown;
  set(name: string, value: string): void;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface KoaInternals {
  middleware: Middleware[];
  context: { store: { existsObject(bucket: string, key: string): Promise<boolean> } };
}

function answer(ctx: KoaContext, refusal: S3Refusal): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  ctx.status = refusal.status;
  ctx.type = 'application/xml';
  ctx.set('x-amz-request-id', requestId);
  ctx.body = s3ErrorXml(refusal, requestId);
}

async function readBounded(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Refuses what S3 refuses before s3rver (which checks no SigV4 signature) sees the request: no
 * signature, a wrong one, an expired presigned URL, a presigned URL used for another method, key or
 * bucket, unsigned x-amz-* headers, a body that is not the one the signature promised.
 */
function signatureCheck(options: Pick<LocalS3Options, 'credentials' | 'region' | 'precheck'>): Middleware {
  const credentials = options.credentials ?? LOCAL_S3_CREDENTIALS;
  return async (ctx, next) => {
    // CORS preflights carry no credentials in S3 either; s3rver answers them from the bucket's CORS rules.
    if (ctx.method === 'OPTIONS') return next();
    const request = { method: ctx.method, path: ctx.path, querystring: ctx.querystring, headers: ctx.headers };
    const refused = await options.precheck?.(request);
    if (refused) return answer(ctx, refused);
    const verdict = await verifyS3Request(request, { credentials, region: options.region });
    if (!verdict.ok) return answer(ctx, verdict.refusal);
    const md5 = ctx.headers['content-md5'];
    if (verdict.payloadSha256 || typeof md5 === 'string') {
      const body = await readBounded(ctx.req as IncomingMessage, MAX_CHECKED_BODY);
      if (!body) return answer(ctx, { status: 400, code: 'EntityTooLarge', message: `The local S3 checks header-signed bodies up to ${MAX_CHECKED_BODY} bytes.` });
      if (verdict.payloadSha256 && createHash('sha256').update(body).digest('hex') !== verdict.payloadSha256) {
        return answer(ctx, { status: 400, code: 'XAmzContentSHA256Mismatch', message: "The provided 'x-amz-content-sha256' header does not match what was computed." });
      }
      if (typeof md5 === 'string' && createHash('md5').update(body).digest('base64') !== md5) {
        return answer(ctx, { status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' });
      }
      // s3rver reads the body from ctx.req: hand it the bytes already read.
      ctx.req = Readable.from(body);
    }
    return next();
  };
}

/**
 * S3's conditional write: s3rver 3.7 predates `If-None-Match: *` on PUT (S3 added it in 2024) and
 * would overwrite, so this answers 412 PreconditionFailed, as S3 does, when the object exists.
 */
function conditionalPut(store: KoaInternals['context']['store']): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'PUT' && ctx.headers['if-none-match'] === '*') {
      const [, bucket, ...key] = ctx.path.split('/');
      if (bucket && key.length && (await store.existsObject(bucket, decodeURIComponent(key.join('/'))))) {
        return answer(ctx, { status: 412, code: 'PreconditionFailed', message: 'At least one of the pre-conditions you specified did not hold' });
      }
    }
    await next();
  };
}

/**
 * The local S3: s3rver keeping objects under `dataDir`, behind S3's own rules for who may do what —
 * SigV4 checked on every request (decision 0070) — and S3's conditional writes. Path-style only.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const directory = path.resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const server = new S3rver({
    port: options.port,
    address: host,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [CORS] })),
  });
  const koa = server as unknown as KoaInternals;
  // Before every s3rver middleware: S3 decides on authentication before anything else.
  koa.middleware.unshift(signatureCheck(options), conditionalPut(koa.context.store));
  await server.run();
  return { endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`, stop: () => server.close() };
}
