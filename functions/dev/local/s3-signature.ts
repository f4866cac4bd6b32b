import { createHash, createHmac, timingSafeEqual, type BinaryLike } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * The local S3's door: it checks every request's SigV4 signature as S3 does (decision 0070), so a
 * presigned URL works locally exactly for the method, bucket, key, signed headers and time it was
 * signed for. The expected signature is computed by the AWS SDK's own signer (@smithy/signature-v4);
 * what is written here is S3's policy around it: which forms are accepted, expiry, clock skew,
 * credential scope, headers that must be signed, and S3's error codes for each refusal.
 */

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ReceivedS3Request {
  method: string;
  /** As received: still percent-encoded, path-style (`/bucket/key`). */
  path: string;
  /** The raw query string, without '?'. */
  querystring: string;
  headers: IncomingHttpHeaders;
}

/** S3's answer to a request it refuses. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

export type Verdict =
  /** `payloadSha256`: a header-signed request promised this body digest; the caller checks the body. */
  { ok: true; payloadSha256?: string } | { ok: false; refusal: S3Refusal };

export interface VerifyOptions {
  credentials: S3Credentials;
  /** The region the bucket lives in; a signature scoped to another is refused. Any when absent. */
  region?: string;
  now?: Date;
}

/** S3 accepts a request time this far from its own clock (header form) or ahead of it (presigned). */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** The longest a presigned URL may live (SigV4: one week). */
const MAX_EXPIRES_S = 7 * 24 * 3600;
const AUTH_QUERY = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'] as const;

const refuse = (status: number, code: string, message: string): Verdict => ({ ok: false, refusal: { status, code, message } });
const accessDenied = (message = 'Access Denied') => refuse(403, 'AccessDenied', message);

type Source = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Source): BinaryLike =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** The hash constructor the signer takes: SHA-256, or HMAC-SHA256 with a secret (node:crypto). */
export class Sha256 {
  private readonly hash;
  constructor(secret?: Source) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Source): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

export const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** 20260301T080000Z → Date, or undefined when it is not that shape. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** S3 decodes each path segment and signs it encoded once (RFC 3986); a broken escape is no URI at all. */
function canonicalPath(path: string): string | undefined {
  try {
    return path
      .split('/')
      .map((segment) => rfc3986(decodeURIComponent(segment)))
      .join('/');
  } catch {
    return undefined;
  }
}

interface Signed {
  form: 'header' | 'query';
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date as sent, and as a time. */
  amzDate: string;
  date: Date;
  expiresIn?: number;
}

const CREDENTIAL = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

function parseHeaderForm(authorization: string, headers: IncomingHttpHeaders): Signed | Verdict {
  const malformed = (why: string) => refuse(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${why}`);
  const fields = new Map<string, string>();
  for (const part of authorization.slice('AWS4-HMAC-SHA256'.length).trim().split(/\s*,\s*/)) {
    const at = part.indexOf('=');
    if (at <= 0) return malformed('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
    fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const [credential, signedHeaders, signature] = [fields.get('Credential'), fields.get('SignedHeaders'), fields.get('Signature')];
  if (fields.size !== 3 || !credential || !signedHeaders || !signature) return malformed('the authorization header requires three components: Credential, SignedHeaders, and Signature.');
  const scope = CREDENTIAL.exec(credential);
  if (!scope) return malformed(`incorrect credential format: ${credential}`);
  const amzDate = header(headers, 'x-amz-date') ?? '';
  const date = parseAmzDate(amzDate);
  if (!date) return accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  const [, accessKeyId, scopeDate, region, service] = scope as unknown as [string, string, string, string, string];
  return { form: 'header', accessKeyId, scopeDate, region, service, signedHeaders: signedHeaders.split(';'), signature, amzDate, date };
}

function parseQueryForm(query: URLSearchParams): Signed | Verdict {
  const error = (message: string) => refuse(400, 'AuthorizationQueryParametersError', message);
  for (const name of AUTH_QUERY) {
    if (query.getAll(name).length !== 1) return error(`Query-string authentication version 4 requires the ${AUTH_QUERY.join(', ')} parameters, each once.`);
  }
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return error('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  const scope = CREDENTIAL.exec(query.get('X-Amz-Credential')!);
  if (!scope) return error(`Error parsing the X-Amz-Credential parameter: ${query.get('X-Amz-Credential')}`);
  const amzDate = query.get('X-Amz-Date')!;
  const date = parseAmzDate(amzDate);
  if (!date) return error('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  const expires = query.get('X-Amz-Expires')!;
  if (!/^\d{1,7}$/.test(expires) || Number(expires) < 1) return error('X-Amz-Expires should be a number');
  if (Number(expires) > MAX_EXPIRES_S) return error(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_S}`);
  const [, accessKeyId, scopeDate, region, service] = scope as unknown as [string, string, string, string, string];
  return { form: 'query', accessKeyId, scopeDate, region, service, signedHeaders: query.get('X-Amz-SignedHeaders')!.split(';'), signature: query.get('X-Amz-Signature')!, amzDate, date, expiresIn: Number(expires) };
}

/** The signature S3 would expect, computed by the SDK's signer from exactly what was received. */
async function expectedSignature(request: ReceivedS3Request, signed: Signed, path: string, query: URLSearchParams, secretAccessKey: string): Promise<string | undefined> {
  const signer = new SignatureV4({ service: signed.service, region: signed.region, credentials: { accessKeyId: signed.accessKeyId, secretAccessKey }, sha256: Sha256, uriEscapePath: false });
  const headers: Record<string, string> = Object.fromEntries(signed.signedHeaders.map((name) => [name, header(request.headers, name) ?? '']));
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    if (key === 'X-Amz-Signature') continue;
    const all = query.getAll(key);
    params[key] = all.length === 1 ? all[0]! : all;
  }
  const base = { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path, query: params, headers };
  const signableHeaders = new Set(signed.signedHeaders);
  if (signed.form === 'header') {
    const result = await signer.sign(base, { signingDate: signed.date, signableHeaders });
    return /Signature=([0-9a-f]+)/.exec(String(result.headers.authorization))?.[1];
  }
  // A presigned URL's payload is never signed: UNSIGNED-PAYLOAD stands in the canonical request,
  // and signed x-amz-* headers stay headers (the SDK would hoist them into the query).
  const unsigned = new Set(['x-amz-content-sha256']);
  const withPayload = signableHeaders.has('x-amz-content-sha256') ? base : { ...base, headers: { ...headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
  const unhoistable = new Set([...unsigned, ...signed.signedHeaders.filter((h) => h.startsWith('x-amz-'))]);
  const result = await signer.presign(withPayload, { signingDate: signed.date, expiresIn: signed.expiresIn, signableHeaders, unsignableHeaders: signableHeaders.has('x-amz-content-sha256') ? undefined : unsigned, unhoistableHeaders: unhoistable });
  const signature = result.query?.['X-Amz-Signature'];
  return typeof signature === 'string' ? signature : undefined;
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** S3's verdict on one request's authentication (CORS preflights are not authenticated: the caller skips them). */
export async function verifyS3Request(request: ReceivedS3Request, options: VerifyOptions): Promise<Verdict> {
  const now = options.now ?? new Date();
  const query = new URLSearchParams(request.querystring);
  const authorization = header(request.headers, 'authorization');
  const byQuery = AUTH_QUERY.some((name) => query.has(name));
  if (query.has('Signature') || query.has('AWSAccessKeyId') || /^AWS /.test(authorization ?? '')) {
    return refuse(400, 'InvalidRequest', 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  }
  if (authorization !== undefined && byQuery) {
    return refuse(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified');
  }
  // No signature at all: an anonymous request, and the buckets are private.
  if (authorization === undefined && !byQuery) return accessDenied();
  if (authorization !== undefined && !authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    return refuse(400, 'InvalidArgument', 'Unsupported Authorization Type');
  }
  if (query.has('X-Amz-Security-Token') || request.headers['x-amz-security-token'] !== undefined) {
    return refuse(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
  }

  const parsed = authorization !== undefined ? parseHeaderForm(authorization, request.headers) : parseQueryForm(query);
  if ('ok' in parsed) return parsed;
  const signed = parsed;
  const scopeError = signed.form === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError';
  if (signed.accessKeyId !== options.credentials.accessKeyId) {
    return refuse(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (signed.scopeDate !== signed.amzDate.slice(0, 8)) return refuse(400, scopeError, 'Invalid credential date. Date is not the same as X-Amz-Date.');
  if (options.region && signed.region !== options.region) {
    return refuse(400, scopeError, `The authorization header is malformed; the region '${signed.region}' is wrong; expecting '${options.region}'`);
  }
  if (signed.service !== 's3') return refuse(400, scopeError, `The authorization header is malformed; incorrect service '${signed.service}'. This endpoint belongs to 's3'.`);

  // Time: a header-signed request must be recent; a presigned URL only within its lifetime.
  const age = now.getTime() - signed.date.getTime();
  if (signed.form === 'header' && Math.abs(age) > MAX_SKEW_MS) {
    return refuse(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  }
  if (signed.form === 'query') {
    if (age < -MAX_SKEW_MS) return accessDenied('Request is not valid yet');
    if (age > signed.expiresIn! * 1000) return accessDenied('Request has expired');
  }

  // The signed-header list: lower case, sorted, host always; and no x-amz-* header may ride along unsigned.
  const list = signed.signedHeaders;
  if (list.some((h) => h !== h.toLowerCase() || h === '') || list.join(';') !== [...list].sort().join(';') || !list.includes('host')) {
    return refuse(400, scopeError, 'SignedHeaders must be lower case, sorted, and include host.');
  }
  const unsignedAmz = Object.keys(request.headers).filter((h) => h.startsWith('x-amz-') && !list.includes(h) && !(signed.form === 'query' && h === 'x-amz-content-sha256'));
  if (unsignedAmz.length > 0) return accessDenied(`There were headers present in the request which were not signed: ${unsignedAmz.join(', ')}`);

  let payloadSha256: string | undefined;
  if (signed.form === 'header') {
    const declared = header(request.headers, 'x-amz-content-sha256');
    if (declared === undefined) return refuse(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    if (/^[0-9a-f]{64}$/.test(declared)) payloadSha256 = declared;
    else if (!/^(UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+)$/.test(declared)) {
      return refuse(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.');
    }
  }

  const path = canonicalPath(request.path);
  if (path === undefined) return refuse(400, 'InvalidURI', "Couldn't parse the specified URI.");
  const expected = await expectedSignature(request, signed, path, query, options.credentials.secretAccessKey);
  if (!expected || !sameText(expected, signed.signature)) {
    return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  return { ok: true, ...(payloadSha256 ? { payloadSha256 } : {}) };
}

/** S3's error document. */
export function s3ErrorXml(refusal: S3Refusal, requestId: string): string {
  const escape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escape(refusal.message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}
