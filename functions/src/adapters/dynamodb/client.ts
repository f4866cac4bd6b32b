import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The real SDK client everywhere; only the endpoint changes for DynamoDB Local. */
export function createDocumentClient(env: { endpoint?: string; region: string }): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
