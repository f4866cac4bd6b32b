import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { countDynamoDbCalls, type DynamoDbCall, type DynamoDbCallLog } from '../../../test-support/dynamodb-calls';

/**
 * Constant work per request (decision 0141): each request's DynamoDB calls, counted on the local
 * stack by wrapping the DynamoDB clients' `send`. A change that adds a read fails here; so does one
 * that reads all of a seal's credentials again.
 */
let t: DocumentsStack;
let log: DynamoDbCallLog;
let lr: string;
let sealId: string;
const PIN = '258036';

beforeAll(async () => {
  // The audit chainer reads the stream only when told here (it never is): its calls are not a request's.
  t = await startDocumentsStack({ auditStreamIntervalMs: 3_600_000 });
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
  // The first signing builds the CRL once for the deployment; the requests counted below come after.
  const first = await t.api.upload(lr, '首次.pdf', await samplePdf({ pages: 1 }));
  expect((await t.api.sign(lr, first, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
  log = countDynamoDbCalls();
}, 180_000);
afterAll(async () => {
  log?.restore();
  await t?.stop();
});

const operations = (calls: DynamoDbCall[]) => calls.map((c) => c.operation);
/** A query of every credential of a seal (the base table's partition of the seal, credential items). */
const readsAllCredentialsOfSeal = (c: DynamoDbCall) =>
  c.operation === 'Query' && !c.input.IndexName && JSON.stringify(c.input.ExpressionAttributeValues ?? {}).includes('#credential_');

describe('DynamoDB calls per request', () => {
  it('signs a document reading only the signer\'s own credential, in at most 10 calls', async () => {
    const documentId = await t.api.upload(lr, '合同.pdf', await samplePdf({ pages: 1 }));
    log.start();
    expect((await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
    const calls = [...log.calls];
    expect(calls.filter(readsAllCredentialsOfSeal)).toEqual([]);
    // Session person 1, standing 2, document 1, seal 1, own credential by holder 1, company 1,
    // validation data 2 (CRL state, certificate status), the commit 1 (decisions 0141, 0160, 0161).
    expect(operations(calls).length).toBeLessThanOrEqual(10);
    // No re-read of the seal or the credential: the commit itself holds both to the versions the gate read.
    const commit = calls.find((c) => c.operation === 'TransactWrite')!;
    const checks = (commit.input.TransactItems as { ConditionCheck?: { Key: Record<string, string> } }[]).flatMap((i) => (i.ConditionCheck ? [JSON.stringify(i.ConditionCheck.Key)] : []));
    expect(checks).toEqual([expect.stringContaining('$sealdetails#seal_1'), expect.stringContaining('$sealdetails#credential_1')]);
    expect(calls.filter((c) => c.operation === 'Get' && JSON.stringify(c.input.Key).includes('$sealdetails#'))).toHaveLength(1);
    // The person, read once by the session check, is not read again (the permission matrix reuses it).
    expect(calls.filter((c) => JSON.stringify(c.input.Key ?? {}).includes('$person_1'))).toHaveLength(1);
  });

  it('answers GET /v1/me in at most 4 calls, none twice', async () => {
    log.start();
    await t.api.expect(200, 'person', 'GET', '/v1/me', { token: lr });
    const calls = [...log.calls];
    // Session person, companies as legal representative, grants, credentials.
    expect(operations(calls).length).toBeLessThanOrEqual(4);
    const keys = calls.map((c) => JSON.stringify([c.operation, c.input.Key, c.input.IndexName, c.input.ExpressionAttributeValues]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers the public liveness check with no DynamoDB call', async () => {
    log.start();
    expect((await t.api.call('GET', '/v1/health')).status).toBe(200);
    expect(log.calls).toEqual([]);
  });
});
