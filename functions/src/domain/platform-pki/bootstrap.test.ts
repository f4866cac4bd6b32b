import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { createPorts } from '../../composition';
import { verifyChain } from '../../engines/pki';
import type { Ports } from '../../ports';
import { createTestTable } from '../../../test-support/dynamo';
import { bootstrapPlatformPki, platformPki } from './platform-ca';

let kms: LocalKms;
let ports: Ports;

beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
  const { tableName, endpoint } = await createTestTable();
  ports = createPorts({ ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, KMS_ENDPOINT: kms.endpoint, AWS_REGION: 'us-east-1' });
});
afterAll(() => kms.stop());

describe('the platform bootstrap', () => {
  it('is the only way the CA comes to exist: before it, a request is told the platform is not ready', async () => {
    await expect(platformPki(ports)).rejects.toMatchObject({ code: 'PLATFORM_NOT_READY' });
    // The request created nothing on its way: the keys are still missing.
    await expect(ports.platformKeys.signers()).rejects.toMatchObject({ code: 'PLATFORM_NOT_READY' });
  });

  it('makes the keys and certificates once, even when two runs overlap; requests then read them', async () => {
    const [a, b] = await Promise.all([bootstrapPlatformPki(ports), bootstrapPlatformPki(ports)]);
    expect(Buffer.from(a.root).equals(Buffer.from(b.root))).toBe(true);
    expect(Buffer.from(a.tsa).equals(Buffer.from(b.tsa))).toBe(true);
    const again = await bootstrapPlatformPki(ports);
    expect(Buffer.from(again.root).equals(Buffer.from(a.root))).toBe(true);

    const read = await platformPki(ports);
    expect(Buffer.from(read.root).equals(Buffer.from(a.root))).toBe(true);
    const chain = await verifyChain({ certificate: read.tsa, trustedRoots: [read.root], at: new Date() });
    expect(chain.trusted).toBe(true);
  });
});
