import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../src/adapters/dynamodb/client';
import { ensureTable } from '../src/adapters/dynamodb/create-table';
import { createDynamoDbStore } from '../src/adapters/dynamodb/store';
import type { SealStore } from '../src/ports/seal-store';

/**
 * A fresh table on the DynamoDB Local that jest's global setup started (see
 * `functions/test/global-setup.ts`). Each test file gets its own table, so files run in parallel.
 */
export async function createTestTable(): Promise<{ store: SealStore; tableName: string; endpoint: string }> {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run through jest (global setup starts DynamoDB Local)');
  const tableName = `test-${randomUUID()}`;
  const raw = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
  raw.destroy();
  const store = createDynamoDbStore(createDocumentClient({ endpoint, region: 'us-east-1' }), tableName);
  return { store, tableName, endpoint };
}
