import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../src/adapters/dynamodb/client';
import { ensureTable } from '../src/adapters/dynamodb/create-table';
import { createSealService, type SealService } from '../src/adapters/dynamodb/service';

/**
 * A fresh table on the DynamoDB Local that jest's global setup started (see
 * `functions/test/global-setup.ts`). Each test file gets its own table, so files run in parallel.
 */
export async function createTestTable(): Promise<{ db: SealService; tableName: string; endpoint: string }> {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run through jest (global setup starts DynamoDB Local)');
  const tableName = `test-${randomUUID()}`;
  const raw = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
  raw.destroy();
  const db = createSealService(createDocumentClient({ endpoint, region: 'us-east-1' }), tableName);
  return { db, tableName, endpoint };
}
