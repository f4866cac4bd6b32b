import { startDynamoDbLocal } from '../../dev/local/dynamodb-local';
import { freePort } from '../../dev/local/wait-for-port';

/** One DynamoDB Local (in memory) for the whole functions test run; stopped in global-teardown. */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const dynamo = await startDynamoDbLocal({ port });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  // Kept apart: a test that starts a whole local stack repoints DYNAMODB_ENDPOINT while it runs.
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __DYNAMO__?: typeof dynamo }).__DYNAMO__ = dynamo;
}
