import { samplePdf } from '../../../../test-support/pdf/sample-pdf';
import { startDocumentsStack, type DocumentsStack } from '../../../../test-support/documents-stack';
import { countDynamoDbCalls, type DynamoDbCall, type DynamoDbCallLog } from '../../../../test-support/dynamodb-calls';
import { getServices } from '../../../composition';
import { UpdateCommand } from '#lib-dynamodb';
import { tableOf } from '../store';
import { testTable } from '../test-table';
import { REFILED } from './refile';

/**
 * A table written before decision 0205 (companies and grants under their old gsi1 partitions) on
 * the local stack, over the API: each person's first request refiles their items (decision 0220),
 * and from the second on a request costs what request-cost.api.test.ts holds it to.
 */
let t: DocumentsStack;
let log: DynamoDbCallLog;
let companyId: string;
let lr: string;
let holder: string;
let sealId: string;
let contractSealId: string;
let people: Record<'lr' | 'holder' | 'admin', string>;
const PIN = '258036';

const store = () => getServices().store;
const table = () => testTable(store());
const operations = (calls: DynamoDbCall[]) => calls.map((c) => c.operation);
/** A query of a partition named after an attribute, as the person index was before decision 0205. */
const oldPartitionQueries = (calls: DynamoDbCall[]) =>
  calls.filter((c) => c.operation === 'Query' && /\$seal#(legalreppersonid|granteeid)_/.test(JSON.stringify(c.input.ExpressionAttributeValues)));

/**
 * Every company of the seed and its grants written back as the code before decision 0205 wrote
 * them, and the people's items without their mark, as that code left them.
 */
async function asBefore0205(who: (keyof typeof people)[] = ['lr', 'holder', 'admin']): Promise<void> {
  if (who.includes('lr')) await table().putBefore0205('company', (await store().companies.get(companyId))!);
  if (who.includes('holder')) for (const grant of await store().grants.ofCompany(companyId)) await table().putBefore0205('grant', grant);
  for (const person of who) await table().put('person', (await store().people.get(people[person]))!);
}

async function me(token: string) {
  return t.api.expect(200, 'person', 'GET', '/v1/me', { token });
}

/** Uploads a document, then counts the signing request alone (after `meanwhile`, if given). */
async function sign(token: string, seal: string, meanwhile?: () => Promise<void>) {
  const documentId = await t.api.upload(token, '合同.pdf', await samplePdf({ pages: 1 }));
  await meanwhile?.();
  log.start();
  return t.api.sign(token, documentId, { sealId: seal, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
}

beforeAll(async () => {
  t = await startDocumentsStack({ auditStreamIntervalMs: 3_600_000 });
  companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  contractSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
  const grantFace = await t.api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [contractSealId] });
  const { name, idNumber, phone } = t.person('holder');
  await t.api.expect(201, 'grant', 'POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [contractSealId], grantee: { name, idNumber, phone }, faceTicket: grantFace },
  });
  holder = await t.api.login(t.person('holder'));
  await t.api.claimSeal(holder, companyId, contractSealId, PIN);
  const admin = await t.api.login(t.person('admin'));
  people = { lr: (await me(lr)).person.personId, holder: (await me(holder)).person.personId, admin: (await me(admin)).person.personId };
  // The first signing builds the CRL once for the deployment, before anything is counted.
  const first = await t.api.upload(lr, '首次.pdf', await samplePdf({ pages: 1 }));
  expect((await t.api.sign(lr, first, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] })).status).toBe(200);
  await asBefore0205();
  log = countDynamoDbCalls();
  log.start();
}, 240_000);
afterAll(async () => {
  log?.restore();
  await t?.stop();
});

describe('a table from before the person partition, refiled on next use', () => {
  it('shows the legal representative their company and seal on their first GET /v1/me, and costs 2 calls from the second', async () => {
    expect((await table().personIndexKeysOf('company', { companyId })).gsi1pk).toMatch(/^\$seal#legalreppersonid_/);
    log.start();
    const first = await me(lr);
    expect(first.companies.map((c: { companyId: string }) => c.companyId)).toEqual([companyId]);
    expect(first.credentials.map((c: { sealId: string }) => c.sealId)).toEqual([sealId]);
    // Session person; their partition (no mark); the two old partitions; the company moved;
    // the partition again and the person marked (decision 0220).
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Query', 'Query', 'Update', 'Query', 'Update']);
    expect(oldPartitionQueries(log.calls)).toHaveLength(2);
    const moved = log.calls[4]!.input;
    expect(moved.ConditionExpression).toBe('#gsi1pk = :old');
    expect((moved.ExpressionAttributeValues as Record<string, string>)[':old']).toMatch(/^\$seal#legalreppersonid_/);

    expect(await table().personIndexKeysOf('company', { companyId })).toEqual({ gsi1pk: `$seal#personid_${people.lr}`, gsi1sk: `$company_1#companyid_${companyId.toLowerCase()}` });
    expect(await table().personIndexKeysOf('person', { personId: people.lr })).toEqual({ gsi1pk: `$seal#personid_${people.lr}`, gsi1sk: REFILED });

    log.start();
    expect(await me(lr)).toEqual(first);
    expect(operations(log.calls)).toEqual(['Get', 'Query']);
  });

  it('lets a holder sign by a grant filed before, on their first request, then in 5 calls', async () => {
    // The upload is a request too: the table goes back to before 0205 after it, so the signing comes first.
    const first = await sign(holder, contractSealId, () => asBefore0205(['holder']));
    expect(first.status).toBe(200);
    // The refiling (old partitions, the grant moved, the partition again, the mark), then the signature's own calls.
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Query', 'Query', 'Update', 'Query', 'Update', 'Get', 'BatchGet', 'TransactWrite']);

    log.start();
    const mine = await me(holder);
    expect(mine.grants.map((g: { companyName: string; sealIds: string[] }) => [g.companyName, g.sealIds])).toEqual([[t.companyOf('lr-xinchuang').name, [contractSealId]]]);
    expect(mine.credentials.map((c: { sealId: string }) => c.sealId)).toEqual([contractSealId]);
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'BatchGet']);

    expect((await sign(holder, contractSealId)).status).toBe(200);
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Get', 'BatchGet', 'TransactWrite']);
  });

  it('signs for the legal representative in 5 calls once refiled', async () => {
    expect((await sign(lr, sealId)).status).toBe(200);
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Get', 'BatchGet', 'TransactWrite']);
  });

  it('marks a person with nothing to refile, and asks the old partitions only once', async () => {
    const admin = await t.api.login(t.person('admin'));
    await table().put('person', (await store().people.get(people.admin))!);
    log.start();
    const first = await me(admin);
    expect([first.companies, first.grants, first.credentials]).toEqual([[], [], []]);
    // Nothing moved: the two old partitions were empty.
    expect(operations(log.calls)).toEqual(['Get', 'Query', 'Query', 'Query', 'Query', 'Update']);
    log.start();
    expect(await me(admin)).toEqual(first);
    expect(operations(log.calls)).toEqual(['Get', 'Query']);
  });

  it('gives two first requests of one person at once everything, the item moved into the partition', async () => {
    await asBefore0205();
    log.start();
    // Both partition reads are sent before either answers: both find the person unmarked and refile.
    const [a, b] = await Promise.all([store().recordsOf(people.lr), store().recordsOf(people.lr)]);
    expect(oldPartitionQueries(log.calls)).toHaveLength(4);
    for (const records of [a, b]) {
      expect(records.companies.map((c) => c.companyId)).toEqual([companyId]);
      expect(records.credentials.map((c) => c.sealId)).toEqual([sealId]);
    }
    expect((await table().personIndexKeysOf('company', { companyId })).gsi1pk).toBe(`$seal#personid_${people.lr}`);
    // Over the API, two first requests of the holder at once: both answered in full.
    await asBefore0205();
    const both = await Promise.all([me(holder), me(holder)]);
    for (const mine of both) expect(mine.grants.map((g: { sealIds: string[] }) => g.sealIds)).toEqual([[contractSealId]]);
    expect(both[0]).toEqual(both[1]);
  });

  it('makes nobody a legal representative by a company filed in their partition that does not name them', async () => {
    const db = tableOf(store());
    const { Key } = db.entities.company.get({ companyId }).params() as { Key: Record<string, unknown> };
    const own = await table().personIndexKeysOf('company', { companyId });
    await db.client.send(new UpdateCommand({ TableName: db.table, Key, UpdateExpression: 'SET gsi1pk = :p', ExpressionAttributeValues: { ':p': `$seal#personid_${people.holder}` } }));
    try {
      expect((await store().recordsOf(people.holder)).companies).toEqual([]);
      expect((await me(holder)).companies).toEqual([]);
    } finally {
      await db.client.send(new UpdateCommand({ TableName: db.table, Key, UpdateExpression: 'SET gsi1pk = :p', ExpressionAttributeValues: { ':p': own.gsi1pk } }));
    }
  });

  it('refiles again without change when the mark is lost, and moves nothing already moved', async () => {
    const before = await store().recordsOf(people.lr);
    await table().put('person', (await store().people.get(people.lr))!);
    log.start();
    expect(await store().recordsOf(people.lr)).toEqual(before);
    expect(operations(log.calls)).toEqual(['Query', 'Query', 'Query', 'Query', 'Update']);
    log.start();
    expect(await store().recordsOf(people.lr)).toEqual(before);
    expect(operations(log.calls)).toEqual(['Query']);
  });
});
