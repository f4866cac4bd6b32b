import { mkdirSync } from 'node:fs';
import path from 'node:path';
import S3rver from 's3rver';

/** Dev only: browsers upload to presigned URLs from the app's origin, so any origin may PUT/GET. */
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/** An S3-compatible server (s3rver) keeping objects under `dataDir`, with the given buckets. */
export async function startLocalS3(options: { port: number; dataDir: string; buckets: string[] }): Promise<LocalS3> {
  const directory = path.resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [CORS] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${options.port}`, stop: () => server.close() };
}
