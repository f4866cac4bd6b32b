import { AwsClient } from 'aws4fetch';
import type { BatchDocumentMessage, SigningQueue } from '../../ports/signing-queue';

/** SendMessageBatch takes at most 10 entries. */
const ENTRIES_PER_SEND = 10;
/** Sends in flight at once: 1,000 documents are 100 sends. */
const PARALLEL_SENDS = 8;

export interface SqsSigningQueueOptions {
  queueUrl: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

interface SendResult {
  Failed?: { Id: string; Code?: string; Message?: string }[];
}

/**
 * The signing queue on SQS, as SigV4-signed fetch requests in the JSON protocol (aws4fetch, like the
 * object store, decision 0026): one operation does not justify the SDK client in the bundle. Entries
 * SQS reports as failed are sent again once; what still fails throws (the request answers 5xx, and
 * its retry with the same request id sends the batch's messages again: the worker ignores repeats).
 */
export function sqsSigningQueue(options: SqsSigningQueueOptions): SigningQueue {
  const aws = new AwsClient({ ...options.credentials, region: options.region, service: 'sqs', retries: 2 });
  const endpoint = new URL(options.queueUrl).origin + '/';

  async function send(entries: { Id: string; MessageBody: string }[]): Promise<SendResult> {
    const response = await aws.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessageBatch' },
      body: JSON.stringify({ QueueUrl: options.queueUrl, Entries: entries }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SQS SendMessageBatch: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as SendResult;
  }

  async function sendChunk(messages: BatchDocumentMessage[]): Promise<void> {
    let entries = messages.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) }));
    for (let attempt = 0; attempt < 2 && entries.length > 0; attempt++) {
      const failed = new Set(((await send(entries)).Failed ?? []).map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
    }
    if (entries.length > 0) throw new Error(`SQS SendMessageBatch: ${entries.length} messages not sent`);
  }

  return {
    async enqueue(messages) {
      const chunks: BatchDocumentMessage[][] = [];
      for (let i = 0; i < messages.length; i += ENTRIES_PER_SEND) chunks.push(messages.slice(i, i + ENTRIES_PER_SEND));
      for (let i = 0; i < chunks.length; i += PARALLEL_SENDS) await Promise.all(chunks.slice(i, i + PARALLEL_SENDS).map(sendChunk));
    },
  };
}
