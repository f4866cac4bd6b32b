import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { createTestTable } from '../../../test-support/dynamo';
import { createDynamoClient } from './client';
import { dynamoIdempotency, type IdempotencyOptions } from './idempotency';
import type { Idempotency, IdempotentRequest } from '../../ports/idempotency';

/**
 * The idempotency records on DynamoDB Local, in the platform's own table design: what a retry,
 * an overlapping retry and a reused key get.
 */
let tableName: string;
let client: ReturnType<typeof createDynamoClient>;

beforeAll(async () => {
  const table = await createTestTable();
  tableName = table.tableName;
  client = createDynamoClient({ endpoint: table.endpoint, region: 'us-east-1' });
});
afterAll(() => client.destroy());

const idempotency = (options: Partial<IdempotencyOptions> = {}): Idempotency => dynamoIdempotency({ client, tableName, ...options });

let n = 0;
const request = (payload: unknown = { sealId: 'seal-1', placements: [{ page: 1, x: 10, y: 20 }] }): IdempotentRequest => ({
  operation: 'sign-document',
  key: { personId: 'person-1', documentId: `doc-${++n}`, requestId: 'req-0001-abcdef' },
  payload,
});

/** A piece of work that runs until released, counting its runs. */
function gatedWork<T>(result: T) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const work = {
    runs: 0,
    release,
    run: async () => {
      work.runs++;
      await gate;
      return result;
    },
  };
  return work;
}

describe('idempotency records in the single table', () => {
  it('runs the work once; a retry gets the first result back without running it', async () => {
    const store = idempotency();
    const req = request();
    let runs = 0;
    const first = await store.once(req, async () => ({ version: ++runs, at: new Date('2026-03-01T00:00:00Z') }));
    const again = await store.once(req, async () => ({ version: ++runs, at: new Date() }));
    expect(runs).toBe(1);
    // The first caller gets the stored shape too (JSON), so both answers are the same.
    expect(first).toEqual({ version: 1, at: '2026-03-01T00:00:00.000Z' });
    expect(again).toEqual(first);
  });

  it('makes a retry that overlaps the first wait for it and answer with its result, not a conflict', async () => {
    const store = idempotency();
    const req = request();
    const work = gatedWork({ version: 1, sha256: 'ab'.repeat(32) });
    const first = store.once(req, work.run);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first holds the key now
    let secondDone = false;
    const second = store.once(req, work.run).finally(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);
    work.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual({ version: 1, sha256: 'ab'.repeat(32) });
    expect(b).toEqual(a);
    expect(work.runs).toBe(1);
  });

  it('stops waiting after its bound and answers REQUEST_IN_PROGRESS', async () => {
    const store = idempotency({ waitMs: 300 });
    const req = request();
    const work = gatedWork({ version: 1 });
    const first = store.once(req, work.run);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(store.once(req, work.run)).rejects.toMatchObject({ code: 'REQUEST_IN_PROGRESS', status: 409 });
    work.release();
    await first;
    expect(work.runs).toBe(1);
  });

  it('refuses the same key with another payload (REQUEST_ID_REUSED), finished or still running', async () => {
    const store = idempotency();
    const req = request();
    await store.once(req, async () => ({ version: 1 }));
    const other = { ...req, payload: { sealId: 'seal-2', placements: [{ page: 1, x: 10, y: 20 }] } };
    await expect(store.once(other, async () => ({ version: 2 }))).rejects.toMatchObject({ code: 'REQUEST_ID_REUSED', status: 422 });

    const running = request();
    const work = gatedWork({ version: 1 });
    const first = store.once(running, work.run);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(store.once({ ...running, payload: { sealId: 'seal-2' } }, work.run)).rejects.toMatchObject({ code: 'REQUEST_ID_REUSED' });
    work.release();
    await first;
  });

  it('releases the key when the work fails, so a retry runs it again', async () => {
    const store = idempotency();
    const req = request();
    await expect(store.once(req, async () => Promise.reject(new Error('签章密码错误')))).rejects.toThrow('签章密码错误');
    expect(await store.once(req, async () => ({ version: 1 }))).toEqual({ version: 1 });
  });

  it('keeps its records under their own partition, keyed by a hash (no person or document id in clear), with the table TTL', async () => {
    const store = idempotency({ resultSeconds: 3600 });
    await store.once(request(), async () => ({ version: 1 }));
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'idempotency#sign-document' } },
      }),
    );
    const record = Items!.at(-1)!;
    expect(record.sk!.S).toMatch(/^sign-document#[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(record)).not.toMatch(/person-1|doc-\d|req-0001/);
    expect(Number(record.ttl!.N)).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(record.status!.S).toBe('COMPLETED');
  });
});
