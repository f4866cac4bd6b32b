import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../functions/dev/local/stack';

const root = path.resolve(__dirname, '../..');

type Ports = Partial<Pick<LocalStackOptions, 'port' | 'dynamoPort' | 's3Port' | 'kmsPort'>>;

/** The whole platform for one journey file: fresh data, free ports (or the given ones), both apps served. */
export async function startJourneyStack(ports: Ports = {}): Promise<LocalStack & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-e2e-'));
  const stack = await startLocalStack({
    port: 0,
    ...ports,
    dataDir,
    inMemoryDb: true,
    staticRoots: [
      { prefix: '/web/', dir: path.join(root, 'web/dist') },
      { prefix: '/', dir: path.join(root, 'miniprogram/dist-h5') },
    ],
  });
  return {
    ...stack,
    cleanup: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
