import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { signatureProblem } from './s3/signature-check';

interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
}

/**
 * s3rver with S3's conditional writes: s3rver 3.7 predates `If-None-Match: *` on PUT (S3 added it
 * in 2024) and would overwrite, so a small middleware answers 412 PreconditionFailed, as S3 does,
 * when the object exists. Path-style requests only (the S3 client of the tests uses them).
 * `verifySignatures`: refuse, as S3 would, a request whose SigV4 signature is wrong (s3rver does not check).
 */
export async function startConditionalS3rver(port: number, buckets: string[], options: { verifySignatures?: boolean } = {}): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), 'seal-s3rver-'));
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  const koa = server as unknown as { middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[]; context: { store: { existsObject(bucket: string, key: string): Promise<boolean> } } };
  koa.middleware.unshift(async (ctx, next) => {
    if (ctx.method === 'PUT' && ctx.headers['if-none-match'] === '*') {
      const [, bucket, ...key] = ctx.path.split('/');
      if (bucket && key.length && (await koa.context.store.existsObject(bucket, decodeURIComponent(key.join('/'))))) {
        ctx.status = 412;
        ctx.type = 'application/xml';
        ctx.body = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';
        return;
      }
    }
    await next();
  });
  if (options.verifySignatures) {
    koa.middleware.unshift(async (ctx, next) => {
      const problem = await signatureProblem(ctx);
      if (!problem) return next();
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`;
    });
  }
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
