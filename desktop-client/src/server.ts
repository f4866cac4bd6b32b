import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZodMiniType } from 'zod/mini';
import {
  NONCE_HEADER,
  NONCE_PATH,
  UKEY_CLIENT_OPERATIONS,
  ukeyLoginMessage,
  type UkeyClientBody,
  type UkeyClientOperation,
} from '@seal/shared/ukey-client';
import { certificationRequest } from './csr';
import { TOKEN_ERRORS, TokenError, type TokenDriver } from './token/token';

/** Errors of the local service itself, besides the token's (`TOKEN_ERRORS`). */
export const CLIENT_ERRORS = {
  UKEY_ORIGIN_REFUSED: { status: 403, message: '该网页无权使用UKey客户端' },
  UKEY_NONCE_INVALID: { status: 409, message: '该请求已处理过或已过期，请刷新页面后重试' },
  UKEY_REQUEST_INVALID: { status: 400, message: '发给UKey客户端的请求有误' },
  UKEY_BODY_TOO_LARGE: { status: 413, message: '发给UKey客户端的内容过大' },
  UKEY_NOT_FOUND_ROUTE: { status: 404, message: 'UKey客户端不支持该操作，请下载最新版本' },
} as const;
type ClientErrorCode = keyof typeof CLIENT_ERRORS;

class ClientError extends Error {
  constructor(readonly code: ClientErrorCode) {
    super(CLIENT_ERRORS[code].message);
  }
}

export interface ClientOptions {
  token: TokenDriver;
  /** Exact origins (scheme://host[:port]) of the platform's web pages; every other origin is refused. */
  allowedOrigins: readonly string[];
  /** 0 picks a free port (tests); users run on a fixed one the page knows. */
  port: number;
}

const MAX_BODY = 64 * 1024;
const NONCE_TTL_MS = 5 * 60_000;
const MAX_OPEN_NONCES = 1000;

type Body<Op extends UkeyClientOperation> = UkeyClientBody<Op>;
/** What the service does with the token for each operation of the shared table; `origin` is the asking page's, checked. */
type Runs = { [Op in UkeyClientOperation]: (t: TokenDriver, b: Body<Op>, origin: string) => unknown };

const RUNS: Runs = {
  tokens: (t) => ({ tokens: t.list() }),
  password: (t, b) => (t.checkPassword(b.serial, b.password), { ok: true }),
  keys: (t, b) => {
    const key = t.generateKey(b.serial, b.password, b.label);
    return { keyId: key.keyId, algorithm: key.algorithm, publicKey: b64(key.publicKey) };
  },
  csr: (t, b) => {
    t.checkPassword(b.serial, b.password);
    const csr = certificationRequest({
      publicKey: t.publicKey(b.serial, b.keyId),
      commonName: b.commonName,
      tokenSerial: b.serial,
      signDigest: (digest) => t.signDigest(b.serial, b.password, b.keyId, digest),
    });
    return { csr: b64(csr) };
  },
  sign: (t, b) => ({ signature: b64(t.signDigest(b.serial, b.password, b.keyId, Buffer.from(b.digest, 'base64'))) }),
  signBatch: (t, b) => ({
    signatures: t
      .signDigests(
        b.serial,
        b.password,
        b.keyId,
        b.digests.map((d) => Buffer.from(d, 'base64')),
      )
      .map(b64),
  }),
  login: (t, b, origin) => {
    // The digest is made here, from the origin this service checked: the page cannot choose it.
    const digest = createHash('sha256').update(ukeyLoginMessage(origin, b.challenge)).digest();
    const signature = t.signDigest(b.serial, b.password, b.keyId, digest);
    return { signature: b64(signature), certificate: b64(t.certificate(b.serial, b.keyId)) };
  },
  certificate: (t, b) => (t.writeCertificate(b.serial, b.password, b.keyId, Buffer.from(b.certificate, 'base64'), b.label), { ok: true }),
  remove: (t, b) => ({ removed: t.remove(b.serial, b.password, b.keyId) }),
  keyAttributes: (t, b) => t.keyAttributes(b.serial, b.password, b.keyId),
};

const OPERATIONS = new Map(
  (Object.keys(UKEY_CLIENT_OPERATIONS) as UkeyClientOperation[]).map((op) => [
    UKEY_CLIENT_OPERATIONS[op].path as string,
    { body: UKEY_CLIENT_OPERATIONS[op].body as ZodMiniType, run: RUNS[op] as (t: TokenDriver, b: unknown, origin: string) => unknown },
  ]),
);

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The UKey 签章客户端's local service (decision 0120): HTTP on 127.0.0.1 only. Every request,
 * preflight included, must come from an allowed origin and name this service as its host (no
 * DNS rebinding); every operation spends a nonce the service issued (GET /v1/nonce), so a
 * replayed request is refused. WebSocket upgrades are refused: the page speaks HTTP.
 */
export async function startUkeyClient(options: ClientOptions) {
  const openNonces = new Map<string, number>();
  let port = options.port;

  const issueNonce = () => {
    const now = Date.now();
    for (const [n, expires] of openNonces) if (expires <= now) openNonces.delete(n);
    // Bounded: the oldest open nonce goes first.
    while (openNonces.size >= MAX_OPEN_NONCES) openNonces.delete(openNonces.keys().next().value!);
    const nonce = randomBytes(24).toString('base64url');
    openNonces.set(nonce, now + NONCE_TTL_MS);
    return nonce;
  };
  const spendNonce = (nonce: string | undefined) => {
    const expires = nonce ? openNonces.get(nonce) : undefined;
    if (nonce) openNonces.delete(nonce);
    if (!expires || expires <= Date.now()) throw new ClientError('UKEY_NONCE_INVALID');
  };

  const originOf = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    const hostOk = req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
    return hostOk && origin && options.allowedOrigins.includes(origin) ? origin : undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = originOf(req);
    if (!origin) throw new ClientError('UKEY_ORIGIN_REFUSED');
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', `content-type, ${NONCE_HEADER}`);
      res.setHeader('Access-Control-Max-Age', '600');
      // Chromium's Private Network Access asks before a public page reaches a loopback service.
      if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
      res.writeHead(204).end();
      return;
    }
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && path === NONCE_PATH) return send(res, 200, { nonce: issueNonce() });
    const operation = req.method === 'POST' ? OPERATIONS.get(path) : undefined;
    if (!operation) throw new ClientError('UKEY_NOT_FOUND_ROUTE');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new ClientError('UKEY_REQUEST_INVALID');
    const nonce = req.headers[NONCE_HEADER];
    spendNonce(typeof nonce === 'string' ? nonce : undefined);
    const parsed = operation.body.safeParse(await readJson(req));
    if (!parsed.success) throw new ClientError('UKEY_REQUEST_INVALID');
    send(res, 200, operation.run(options.token, parsed.data, origin));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof ClientError) return send(res, CLIENT_ERRORS[e.code].status, { code: e.code, message: e.message });
      if (e instanceof TokenError) return send(res, TOKEN_ERRORS[e.code].status, { code: e.code, message: e.message });
      console.error('UKey客户端操作失败:', e);
      send(res, TOKEN_ERRORS.UKEY_FAILED.status, { code: 'UKEY_FAILED', message: TOKEN_ERRORS.UKEY_FAILED.message });
    });
  });
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ClientError('UKEY_BODY_TOO_LARGE');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new ClientError('UKEY_REQUEST_INVALID');
  }
}
