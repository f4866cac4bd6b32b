import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The real SDK client everywhere; only the endpoint changes for DynamoDB Local. */
export function createDynamoClient(env: { endpoint?: string; region: string }): DynamoDBClient {
  return new DynamoDBClient({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

export function createDocumentClient(env: { endpoint?: string; region: string }): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(env), { marshallOptions: { removeUndefinedValues: true } });
}
