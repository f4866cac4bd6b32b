import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalS3 } from '../dev/local/s3-local';
import { signatureProblem } from './s3/signature-check';

/**
 * The local S3 (SigV4 checked, S3's conditional writes: dev/local/s3-local.ts) on a fresh directory.
 * `verifySignatures`: every signed request is also recomputed by the test oracle
 * (s3/signature-check.ts), an independent check of how the adapter encodes keys and queries.
 */
export async function startConditionalS3rver(port: number, buckets: string[], options: { verifySignatures?: boolean } = {}): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), 'seal-s3rver-'));
  const oracle = async (request: Parameters<typeof signatureProblem>[0]) => {
    const problem = await signatureProblem(request);
    return problem ? { status: 403, code: 'SignatureDoesNotMatch', message: `test oracle: ${problem}` } : undefined;
  };
  const server = await startLocalS3({ port, dataDir: directory, buckets, ...(options.verifySignatures ? { precheck: oracle } : {}) });
  return {
    endpoint: server.endpoint,
    stop: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
