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

/**
 * A new SM2 seal of `kind` for the legal representative's company, applied for online (电子营业执照
 * and face check) and claimed with `pin`: what an OFD is sealed with.
 */
export async function claimSm2Seal(t: DocumentsStack, legalRep: string, kind: string, pin: string): Promise<{ token: string; sealId: string; companyName: string }> {
  const company = t.companyOf(legalRep);
  const token = await t.api.login(t.person(legalRep));
  const started = await t.api.expect(201, '电子营业执照', 'POST', `/v1/companies/${company.creditCode}/licence-authorizations`, { token });
  await t.api.expect(200, '电子营业执照结果', 'POST', `/v1/licence-authorizations/${started.authorizationId}/result`, { token, body: { presented: true } });
  const faceTicket = await t.api.faceTicket(token, 'seal.apply_online', { companyId: company.creditCode });
  const applied = await t.api.expect(201, '在线申请', 'POST', `/v1/companies/${company.creditCode}/seal-applications`, {
    token,
    body: { faceTicket, licenceTicket: started.authorizationId, kinds: [kind], sealAlgorithm: 'sm2-sm3' },
  });
  const sealId = applied.seals[0].sealId;
  await t.api.claimSeal(token, company.creditCode, sealId, pin);
  return { token, sealId, companyName: company.name };
}
