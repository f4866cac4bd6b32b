import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export interface TableStreamReader {
  /** Reads what the stream holds now and hands it to the consumer; resolves when the consumer has taken all of it. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The table's stream, read here as Lambda reads it in AWS (decision 0160): DynamoDB Local's
 * stream, shard by shard in order, each batch handed to the same consumer the Lambda runs. A
 * batch the consumer reports failed records of is handed again, from its first failed record, on
 * the next round. Polls every `intervalMs`; `drain()` runs a round now (tests, benchmarks).
 */
export async function readTableStream(options: {
  client: DynamoDBClient;
  endpoint: string;
  region: string;
  tableName: string;
  consumer: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  intervalMs?: number;
  log?: (line: string) => void;
}): Promise<TableStreamReader> {
  const { client, tableName, consumer } = options;
  let { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) {
    // A table made by an older local stack: turn its stream on.
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
    ({ Table } = await client.send(new DescribeTableCommand({ TableName: tableName })));
  }
  const streamArn = Table!.LatestStreamArn!;
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  /** Per shard: where to read next (undefined once a closed shard is read to its end). */
  const positions = new Map<string, string | undefined>();
  let retry: DynamoDBRecord[] = [];

  async function round(): Promise<void> {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    // Shards come parents first: a partition's older records are handed over before its newer ones.
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!positions.has(shardId)) {
        const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        positions.set(shardId, ShardIterator);
      }
      for (let iterator = positions.get(shardId); iterator; ) {
        const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        positions.set(shardId, NextShardIterator);
        if (Records.length === 0) break;
        await hand([...retry, ...(Records as unknown as DynamoDBRecord[])]);
        iterator = NextShardIterator;
      }
    }
    if (retry.length > 0) await hand(retry);
  }

  async function hand(records: DynamoDBRecord[]): Promise<void> {
    retry = [];
    const { batchItemFailures } = await consumer({ Records: records });
    const first = records.findIndex((r) => batchItemFailures.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber));
    if (first >= 0) retry = records.slice(first);
  }

  let running: Promise<void> = Promise.resolve();
  let queued = 0;
  const next = () => {
    queued++;
    return (running = running
      .then(round)
      .catch((error: unknown) => options.log?.(`table stream: ${String(error)}`))
      .finally(() => queued--));
  };
  // A tick while a round is still running or queued adds nothing.
  const timer = setInterval(() => queued === 0 && void next(), options.intervalMs ?? 500);
  timer.unref();
  return {
    drain: () => next(),
    async stop() {
      clearInterval(timer);
      await running;
      streams.destroy();
    },
  };
}
