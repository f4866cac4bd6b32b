import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { DomainError } from '@seal/shared';
import type { Idempotency, IdempotentRequest } from '../../ports/idempotency';
import { TABLE_KEYS } from './table-design';

export interface IdempotencyOptions {
  client: DynamoDBClient;
  tableName: string;
  /** How long a finished request's result answers retries. */
  resultSeconds?: number;
  /**
   * How long a request may hold its key while running. After this a crashed attempt no longer
   * blocks retries; it is longer than any signing function may run (29 s), so a live first
   * attempt is never run twice.
   */
  inProgressMs?: number;
  /** How long a retry that overlaps the first waits for its result before answering REQUEST_IN_PROGRESS. */
  waitMs?: number;
}

/**
 * Idempotency records in the platform's single table, kept by Powertools' DynamoDB persistence
 * layer (decision 0047): partition key `idempotency#<operation>`, sort key the operation and a
 * SHA-256 of the request key, `ttl` as the table's time-to-live. The layer writes an in-progress
 * record conditionally:
 *
 *   A: put IN_PROGRESS if absent ✓ ─ signs ─ update COMPLETED + result
 *   B:      put IN_PROGRESS if absent ✗ (ALL_OLD: A's IN_PROGRESS) ─ waits ─ put ✗ (COMPLETED) → A's result
 *   C (other seal, same key):   put ✗ → payload hash differs → REQUEST_ID_REUSED
 *
 * so two overlapping requests with one key sign once, and the second answers with the first's
 * result instead of CONFLICT. A failed attempt deletes its record: a retry runs afresh.
 */
export function dynamoIdempotency(options: IdempotencyOptions): Idempotency {
  const resultSeconds = options.resultSeconds ?? 24 * 3600;
  const inProgressMs = options.inProgressMs ?? 30_000;
  const waitMs = options.waitMs ?? 20_000;
  // One persistence layer per operation: a layer keeps its key prefix as state, and requests of
  // different operations may run at once in one process (the local stack).
  const layers = new Map<string, { store: DynamoDBPersistenceLayer; config: IdempotencyConfig }>();
  const layerFor = (operation: string) => {
    let layer = layers.get(operation);
    if (!layer) {
      const store = new DynamoDBPersistenceLayer({
        tableName: options.tableName,
        keyAttr: TABLE_KEYS.partitionKey,
        sortKeyAttr: TABLE_KEYS.sortKey,
        staticPkValue: `idempotency#${operation}`,
        expiryAttr: TABLE_KEYS.timeToLiveAttribute,
        awsSdkV3Client: options.client,
      });
      const config = new IdempotencyConfig({
        eventKeyJmesPath: 'key',
        payloadValidationJmesPath: 'payload',
        throwOnNoIdempotencyKey: true,
        expiresAfterSeconds: resultSeconds,
        hashFunction: 'sha256',
      });
      // Not a Lambda handler: the in-progress lease is the function's longest run, not its remaining time.
      config.registerLambdaContext({ getRemainingTimeInMillis: () => inProgressMs } as Context);
      layer = { store, config };
      layers.set(operation, layer);
    }
    return layer;
  };

  return {
    async once<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<T> {
      const { store, config } = layerFor(request.operation);
      // The stored result is JSON; the first caller gets the same shape a retry gets.
      const run = makeIdempotent(async (_request: { key: unknown; payload: unknown }) => JSON.parse(JSON.stringify(await work())) as T, {
        persistenceStore: store,
        config,
        keyPrefix: request.operation,
      });
      const deadline = Date.now() + waitMs;
      for (let pause = 50; ; pause = Math.min(pause * 2, 400)) {
        try {
          return await run({ key: request.key, payload: request.payload });
        } catch (error) {
          if (error instanceof IdempotencyValidationError)
            throw new DomainError('REQUEST_ID_REUSED', undefined, undefined, { cause: error });
          if (!(error instanceof IdempotencyAlreadyInProgressError)) throw error;
          if (Date.now() + pause > deadline) throw new DomainError('REQUEST_IN_PROGRESS', undefined, undefined, { cause: error });
          // The first request is still signing: ask again shortly (each ask is one conditional put).
          await sleep(pause);
        }
      }
    },
  };
}
