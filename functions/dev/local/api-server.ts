import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, ERRORS, type ErrorCode } from '@seal/shared/errors';
import { ROUTES, matchPath, type Route } from '@seal/shared/api';
import { toApiGatewayEvent } from './api-event';

type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** Uploads beyond this are refused before reaching a handler (documents go to S3 by presigned URL). */
const MAX_BODY_BYTES = 60 * 1024 * 1024;

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

function sendError(res: ServerResponse, code: ErrorCode): void {
  res.writeHead(ERRORS[code].status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(new DomainError(code).toBody()));
}

function serveStatic(roots: readonly StaticRoot[], pathname: string, res: ServerResponse): boolean {
  const root = [...roots].sort((a, b) => b.prefix.length - a.prefix.length).find((r) => pathname.startsWith(r.prefix) || `${pathname}/` === r.prefix);
  if (!root || !existsSync(root.dir)) return false;
  const relative = decodeURIComponent(pathname.slice(root.prefix.length));
  let file = path.resolve(root.dir, relative);
  if (!file.startsWith(path.resolve(root.dir))) return false;
  // Single-page apps: any path that is not a file gets the app's index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root.dir, 'index.html');
  if (!existsSync(file)) return false;
  const immutable = /\.[0-9a-f]{8,}\./.test(file);
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(readFileSync(file));
  return true;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The local stand-in for API Gateway: every route of the shared table, each request turned into
 * the payload-2.0 event its Lambda would receive; anything else is a static file of the apps.
 */
export function createApiServer(handlers: Map<string, LambdaHandler>, staticRoots: readonly StaticRoot[] = []): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/v1/')) {
        if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(staticRoots, url.pathname, res)) return;
        return sendError(res, 'ROUTE_NOT_FOUND');
      }
      const candidates = ROUTES.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter((c) => c.params);
      if (candidates.length === 0) return sendError(res, 'ROUTE_NOT_FOUND');
      // A literal segment beats a parameter: /v1/seals/mine before /v1/seals/{sealId}.
      const hit = candidates
        .filter((c) => c.r.method === req.method)
        .sort((a, b) => Object.keys(a.params ?? {}).length - Object.keys(b.params ?? {}).length)[0];
      if (!hit) return sendError(res, 'METHOD_NOT_ALLOWED');
      const body = await readBody(req);
      if (body === null) return sendError(res, 'BODY_TOO_LARGE');
      const event = toApiGatewayEvent(req, url, body, `${hit.r.method} ${hit.r.path}`, hit.params ?? {});
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
