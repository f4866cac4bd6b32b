import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, ERRORS, type ErrorCode } from '@seal/shared/errors';
import { ROUTES, matchPath, type Route } from '@seal/shared/api';
import { toApiGatewayEvent } from './api-event';
import { API_SECURITY_HEADERS, appSecurityHeaders } from '../../src/http/security-headers';

type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * What API Gateway and Lambda refuse before a handler runs (decision 0073), refused here the same way:
 * an HTTP API takes at most 10 MB of body and 10,240 bytes of request line and headers; a Lambda
 * event (the body base64-encoded when binary, plus headers) at most 6 MB. Documents go to S3 by
 * presigned URL instead.
 */
export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const API_GATEWAY_MAX_HEADER_BYTES = 10_240;
export const LAMBDA_MAX_EVENT_BYTES = 6 * 1024 * 1024;

export interface StaticRoot {
  /** URL prefix, e.g. `/` or `/web/`. */
  prefix: string;
  dir: string;
}

/** Loads every handler the route table names; a missing one fails the start, not a request. */
export async function loadHandlers(routes: readonly Route[] = ROUTES): Promise<Map<string, LambdaHandler>> {
  const handlers = new Map<string, LambdaHandler>();
  for (const name of new Set(routes.map((r) => r.handler))) {
    const mod = (await import(`../../src/entry/handlers/${name}`)) as { handler?: LambdaHandler };
    if (typeof mod.handler !== 'function') throw new Error(`functions/src/entry/handlers/${name}.ts exports no handler`);
    handlers.set(name, mod.handler);
  }
  return handlers;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript; charset=utf-8',
};

function sendError(res: ServerResponse, code: ErrorCode, message?: string): void {
  res.writeHead(ERRORS[code].status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...API_SECURITY_HEADERS });
  res.end(JSON.stringify(new DomainError(code, message).toBody()));
}

/** The CSP hash sources of a page's inline scripts (the H5 build's rem script), so they alone may run. */
const inlineScriptHashes = new Map<string, { mtimeMs: number; hashes: string[] }>();
function scriptHashesOf(file: string, html: Buffer): string[] {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = inlineScriptHashes.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.hashes;
  const hashes = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter(([, code]) => code!.trim() !== '')
    .map(([, code]) => `sha256-${createHash('sha256').update(code!, 'utf8').digest('base64')}`);
  inlineScriptHashes.set(file, { mtimeMs, hashes });
  return hashes;
}

function serveStatic(roots: readonly StaticRoot[], pathname: string, res: ServerResponse, connectSrc: readonly string[]): boolean {
  const root = [...roots].sort((a, b) => b.prefix.length - a.prefix.length).find((r) => pathname.startsWith(r.prefix) || `${pathname}/` === r.prefix);
  if (!root || !existsSync(root.dir)) return false;
  const rootDir = path.resolve(root.dir);
  let file = path.resolve(rootDir, decodeURIComponent(pathname.slice(root.prefix.length)));
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return false;
  // Single-page apps: any path that is not a file gets the app's index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(rootDir, 'index.html');
  if (!existsSync(file)) return false;
  const immutable = /\.[0-9a-f]{8,}\./.test(file);
  const content = readFileSync(file);
  const scriptHashes = path.extname(file) === '.html' ? scriptHashesOf(file, content) : [];
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...appSecurityHeaders({ connectSrc, scriptHashes }),
  });
  res.end(content);
  return true;
}

/** The body, or null past `limit` bytes (reading stops there; the connection is closed after the answer). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/** A path whose percent-escapes do not decode (`%E0%A4%A`) is no path at all. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export interface ApiServerOptions {
  /** The local S3's origin: pages upload to and download from presigned URLs there (CSP connect-src). */
  s3Endpoint?: string;
  /** The local stack's own controls under `/local/` (the clock, the jobs): true when it answered. */
  localControls?: (req: IncomingMessage, res: ServerResponse, pathname: string, body: Buffer) => Promise<boolean>;
}

/** 413 before the handler; what is left of the body is not read: the connection closes after the answer. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  res.setHeader('connection', 'close');
  res.once('finish', () => req.socket.destroySoon?.());
  sendError(res, 'BODY_TOO_LARGE', message);
}

/**
 * The local stand-in for API Gateway: every route of the shared table, each request turned into
 * the payload-2.0 event its Lambda would receive; anything else is a static file of the apps.
 */
export function createApiServer(handlers: Map<string, LambdaHandler>, staticRoots: readonly StaticRoot[] = [], options: ApiServerOptions = {}): Server {
  const connectSrc = options.s3Endpoint ? [new URL(options.s3Endpoint).origin] : [];
  // keepAliveTimeout 0: an idle connection is closed by its client, never by this server. A client
  // in the same process whose event loop was blocked (a test running OpenSSL synchronously) would
  // otherwise reuse a connection the server closed meanwhile and get ECONNRESET. The stack's stop
  // closes every connection.
  return createServer({ maxHeaderSize: API_GATEWAY_MAX_HEADER_BYTES, keepAliveTimeout: 0 }, (req, res) => {
    void (async () => {
      // Origin-form targets only ('/path?query'); prefixing the origin keeps '//x' a path, not a host.
      const url = URL.canParse(`http://localhost${req.url ?? '/'}`) && req.url?.startsWith('/') ? new URL(`http://localhost${req.url}`) : undefined;
      if (!url || !decodable(url.pathname)) return sendError(res, 'VALIDATION_FAILED', '请求地址编码不正确');
      if (options.localControls && url.pathname.startsWith('/local/')) {
        const body = await readBody(req, 4096);
        if (body === null) return refuseTooLarge(req, res, '请求内容过大');
        if (await options.localControls(req, res, url.pathname, body)) return;
      }
      if (!url.pathname.startsWith('/v1/')) {
        if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(staticRoots, url.pathname, res, connectSrc)) return;
        return sendError(res, 'ROUTE_NOT_FOUND');
      }
      const candidates = ROUTES.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter((c) => c.params);
      if (candidates.length === 0) return sendError(res, 'ROUTE_NOT_FOUND');
      // A literal segment beats a parameter: /v1/seals/mine before /v1/seals/{sealId}.
      const hit = candidates
        .filter((c) => c.r.method === req.method)
        .sort((a, b) => Object.keys(a.params ?? {}).length - Object.keys(b.params ?? {}).length)[0];
      if (!hit) return sendError(res, 'METHOD_NOT_ALLOWED');
      const body = await readBody(req, API_GATEWAY_MAX_BODY_BYTES);
      if (body === null) return refuseTooLarge(req, res, '请求内容超过10MB');
      const event = toApiGatewayEvent(req, url, body, `${hit.r.method} ${hit.r.path}`, hit.params ?? {});
      if (Buffer.byteLength(JSON.stringify(event)) > LAMBDA_MAX_EVENT_BYTES) return refuseTooLarge(req, res, '请求内容过大（二进制内容不超过4.5MB）');
      const result = await handlers.get(hit.r.handler)!(event);
      res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
      res.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
    })().catch((error) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 'INTERNAL');
      else res.end();
    });
  });
}
