import type { IncomingMessage, ServerResponse } from 'node:http';
import { KmsError } from './kms-error';

/** The AWS JSON 1.1 wire format KMS speaks: POST /, `X-Amz-Target: TrentService.<Op>`. */
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'TrentService.';
const MAX_BODY_BYTES = 1024 * 1024;

export interface KmsRequest {
  operation: string;
  body: Record<string, unknown>;
  /** Region named in the SigV4 credential scope; ARNs are built for it as real KMS would. */
  region: string | undefined;
}

export async function readKmsRequest(req: IncomingMessage): Promise<KmsRequest> {
  const target = headerValue(req, 'x-amz-target');
  if (req.method !== 'POST' || !target?.startsWith(TARGET_PREFIX)) {
    throw new KmsError('UnknownOperationException', 'Expected POST / with X-Amz-Target: TrentService.<Operation>.');
  }
  const raw = await readBody(req);
  let body: unknown = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new KmsError('SerializationException', 'Request body is not valid JSON.');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KmsError('SerializationException', 'Request body must be a JSON object.');
  }
  return {
    operation: target.slice(TARGET_PREFIX.length),
    body: body as Record<string, unknown>,
    region: regionOf(headerValue(req, 'authorization')),
  };
}

export function writeResult(res: ServerResponse, result: unknown): void {
  send(res, 200, result ?? {});
}

export function writeError(res: ServerResponse, error: KmsError): void {
  send(res, error.status, { __type: error.type, message: error.message });
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': crypto.randomUUID(),
  });
  res.end(text);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20260101/cn-north-1/kms/aws4_request, ...` → `cn-north-1`. */
function regionOf(authorization: string | undefined): string | undefined {
  return authorization?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/kms\//)?.[1];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new KmsError('ValidationException', 'Request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
