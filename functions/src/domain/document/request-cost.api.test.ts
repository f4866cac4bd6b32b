import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { countDynamoDbCalls, type DynamoDbCall, type DynamoDbCallLog } from '../../../test-support/dynamodb-calls';

/**
 * Constant work per request (decisions 0141, 0205): each request's DynamoDB calls, counted on the local
 * stack by wrapping the DynamoDB clients' `send`. A change that adds a read fails here; so does one
 * that reads all of a seal's credentials again.
 */
let t: DocumentsStack;
let log: DynamoDbCallLog;
let lr: string;
let holder: string;
let sealId: string;
let contractSealId: string;
const PIN = '258036';

beforeAll(async () => {
  // The audit chainer reads the stream only when told here (it never is): its calls are not a request's.
  t = await startDocumentsStack({ auditStreamIntervalMs: 3_600_000 });
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
  // A holder signs by a grant of another company's legal representative.
  contractSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  const grantFace = await t.api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [contractSealId] });
  const { name, idNumber, phone } = t.person('holder');
  await t.api.expect(201, 'grant', 'POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [contractSealId], grantee: { name, idNumber, phone }, faceTicket: grantFace },
  });
  holder = await t.api.login(t.person('holder'));
  await t.api.claimSeal(holder, companyId, contractSealId, PIN);
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
  it('signs a document reading only the signer\'s own credential, in at most 5 calls', async () => {
    const documentId = await t.api.upload(lr, '合同.pdf', await samplePdf({ pages: 1 }));
    log.start();
    expect((await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
    const calls = [...log.calls];
    expect(calls.filter(readsAllCredentialsOfSeal)).toEqual([]);
    // Session person 1; the person's partition (companies, grants, credentials) 1; document 1;
    // seal, company and validation data (CRL state, certificate status) together 1; the commit 1 (decision 0205).
    expect(operations(calls)).toEqual(['Get', 'Query', 'Get', 'BatchGet', 'TransactWrite']);
    // The reads together are strongly consistent, and name exactly those four items.
    const together = calls.find((c) => c.operation === 'BatchGet')!.input.RequestItems as Record<string, { Keys: { sk: string }[]; ConsistentRead?: boolean }>;
    const [read] = Object.values(together);
    expect(read!.ConsistentRead).toBe(true);
    expect(read!.Keys.map((k) => k.sk).sort()).toEqual(['$certificate_1', '$company_1', '$crlstate_1', '$sealdetails#seal_1']);
    // No re-read of the seal or the credential: the commit itself holds both to the versions the gate read.
    const commit = calls.find((c) => c.operation === 'TransactWrite')!;
    const checks = (commit.input.TransactItems as { ConditionCheck?: { Key: Record<string, string> } }[]).flatMap((i) => (i.ConditionCheck ? [JSON.stringify(i.ConditionCheck.Key)] : []));
    expect(checks).toEqual([expect.stringContaining('$sealdetails#seal_1'), expect.stringContaining('$sealdetails#credential_1')]);
    // The person, read once by the session check, is not read again (the permission matrix reuses it).
    expect(calls.filter((c) => JSON.stringify(c.input.Key ?? {}).includes('$person_1'))).toHaveLength(1);
  });

  it('signs by a grant in the same 5 calls', async () => {
    const documentId = await t.api.upload(holder, '合同.pdf', await samplePdf({ pages: 1 }));
    log.start();
    expect((await t.api.sign(holder, documentId, { sealId: contractSealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Get', 'BatchGet', 'TransactWrite']);
  });

  it('answers GET /v1/me in at most 3 calls, none twice', async () => {
    log.start();
    await t.api.expect(200, 'person', 'GET', '/v1/me', { token: lr });
    const calls = [...log.calls];
    // Session person, the person's partition (companies as legal representative, grants, credentials);
    // a third only for the names of companies the person holds grants of and does not represent.
    expect(operations(calls)).toEqual(['Get', 'Query']);
    const keys = calls.map((c) => JSON.stringify([c.operation, c.input.Key, c.input.IndexName, c.input.ExpressionAttributeValues]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers a holder\'s GET /v1/me in 3 calls: the third names the company of their grant', async () => {
    log.start();
    const me = await t.api.expect(200, 'person', 'GET', '/v1/me', { token: holder });
    expect(me.grants.map((g: { companyName: string }) => g.companyName)).toEqual([t.companyOf('lr-xinchuang').name]);
    expect(me.credentials.map((c: { sealId: string }) => c.sealId)).toEqual([contractSealId]);
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'BatchGet']);
  });

  it('answers the public liveness check with no DynamoDB call', async () => {
    log.start();
    expect((await t.api.call('GET', '/v1/health')).status).toBe(200);
    expect(log.calls).toEqual([]);
  });
});
