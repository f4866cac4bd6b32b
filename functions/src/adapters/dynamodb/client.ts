import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '#lib-dynamodb';
import type { EntityConfiguration } from 'electrodb';
import { DocumentClientV3Wrapper } from '#electrodb/src/client';

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

/**
 * The client as ElectroDB takes it: its own v3 wrapper, given the document commands it sends from
 * our import of lib-dynamodb (`#lib-dynamodb`, functions/package.json). ElectroDB would otherwise
 * `require('@aws-sdk/lib-dynamodb')` itself, and a `require` makes esbuild bundle and run every
 * export of the package and of the DynamoDB client behind it (all 63 commands, the aggregated
 * clients, waiters) at load; bundles replace that `require` with an empty module (decision 0215).
 * ElectroDB takes its own wrapper as it is (its types name only the SDK's clients).
 */
export function electroDbClient(client: DynamoDBDocumentClient): EntityConfiguration['client'] {
  const wrapped = new DocumentClientV3Wrapper(client, {
    GetCommand,
    PutCommand,
    UpdateCommand,
    DeleteCommand,
    BatchWriteCommand,
    BatchGetCommand,
    ScanCommand,
    QueryCommand,
    TransactWriteCommand,
    TransactGetCommand,
  });
  return wrapped as unknown as EntityConfiguration['client'];
}
