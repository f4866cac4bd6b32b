import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../dev/local/stack';
import { getServices } from '../src/composition';
import { starterSealsHook } from '../dev/local/hooks/starter-seals-hook';
import { readRegistrySeed } from '../src/adapters/registry/seed';
import { PlatformClient, type TestPerson } from '../dev/demo/platform-client';
import { sdkS3Of } from './s3/sdk-client';

/**
 * The documents area's API tests: the whole local stack on free ports (several checkouts may run
 * their tests on one machine at once), the seed registry with its newly registered company's four
 * seals, and a client that does every step over HTTP.
 */
export interface DocumentsStack {
  stack: LocalStack;
  api: PlatformClient;
  person(key: string): TestPerson & { phone: string };
  companyOf(legalRepKey: string): { creditCode: string; name: string };
  /** Object keys under a prefix in the documents bucket. */
  objectsUnder(prefix: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startDocumentsStack(options: Pick<LocalStackOptions, 'auditStreamIntervalMs'> = {}): Promise<DocumentsStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-documents-'));
  process.env.STAGE = 'local';
  const stack = await startLocalStack({ port: 0, dataDir, inMemoryDb: true, ...options });
  await starterSealsHook.run(getServices(), { dataDir });
  const seed = readRegistrySeed();
  return {
    stack,
    api: new PlatformClient(stack.url),
    person(key) {
      const p = seed.people.find((x) => x.key === key);
      if (!p) throw new Error(`no seed person ${key}`);
      return { key, name: p.name, idNumber: p.idNumber, phone: p.phone };
    },
    companyOf(legalRepKey) {
      const c = seed.companies.find((x) => x.legalRep.key === legalRepKey);
      if (!c) throw new Error(`no seed company of ${legalRepKey}`);
      return { creditCode: c.creditCode, name: c.name };
    },
    async objectsUnder(prefix) {
      const services = getServices();
      const listed = await sdkS3Of(services).send(new ListObjectsV2Command({ Bucket: services.config.DOCUMENTS_BUCKET, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => o.Key!);
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
