import { request } from 'node:http';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type LocalDynamo } from './dynamodb-local';
import { freePort } from './wait-for-port';
import { connectOutcome, listeningAddresses, nonLoopbackAddress } from '../../test-support/network';

// DynamoDB Local as the local stack runs it (decision 0071): loopback only, one access key id, no web pages.
let dynamo: LocalDynamo;
let port: number;
beforeAll(async () => {
  port = await freePort();
  dynamo = await startDynamoDbLocal({ port });
}, 90_000);
afterAll(() => dynamo?.stop());

const client = (accessKeyId: string) => new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'local' }, maxAttempts: 1 });

describe('DynamoDB Local', () => {
  it('answers the platform’s own credentials', async () => {
    const answer = await client('local').send(new ListTablesCommand({}));
    expect(answer.TableNames).toEqual(expect.any(Array));
  });

  it('refuses another access key id as DynamoDB does: UnrecognizedClientException', async () => {
    await expect(client('SOMEONEELSE').send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses a request without credentials and one from a web page (an Origin header)', async () => {
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${dynamo.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.once('error', reject);
        req.end('{}');
      });
    expect(await post({})).toBe(400);
    const signedLike = { authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00' };
    expect(await post({ ...signedLike, origin: 'https://evil.example' })).toBe(403);
  });

  it('listens on loopback only: the kernel lists its socket on 127.0.0.1, and this machine’s other address (if it has one) is refused', async () => {
    expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
    expect(await connectOutcome('127.0.0.1', port)).toBe('connected');
    const address = nonLoopbackAddress();
    if (address) expect(await connectOutcome(address, port)).toBe('refused');
  });
});
