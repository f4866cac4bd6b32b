import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { logEvent } from '../../config/logger';
import { composePorts, getServices } from '../../composition';
import { blobs } from '../../composition/blobs';
import { custody } from '../../composition/custody';
import { pinKeys } from '../../composition/pin-keys';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { signBatchDocument } from '../../domain/document/sign-batch-document';
import { MAX_RECEIVES } from '../../ports/signing-queue';

const Message = z.object({ batchId: z.string().check(z.maxLength(64)), documentId: z.string().check(z.maxLength(64)) });

/**
 * The signing batches' worker (decision 0165): SQS delivers a document's message, the worker signs
 * it (`signBatchDocument`). A message that failed for a passing reason is reported alone
 * (`batchItemFailures`) and comes back; on its last delivery the document is recorded as failed,
 * so a batch always ends. The local stack calls this same handler in-process.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  // The PIN key is composed as for phone-approved signing: the gate's PIN branch is in the bundle, never taken here (no PIN in a message).
  const services = signingServices(composePorts(getServices(), [blobs, custody, platformKeys, pinKeys]));
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const parsed = Message.safeParse(safeJson(record.body));
    if (!parsed.success) {
      logEvent('error', 'signing batch: unreadable message dropped', { messageId: record.messageId });
      continue;
    }
    try {
      const lastAttempt = Number(record.attributes.ApproximateReceiveCount) >= MAX_RECEIVES;
      await signBatchDocument(services, parsed.data, { now: services.now(), lastAttempt });
    } catch (error) {
      logEvent('warn', 'signing batch: document to retry', { ...parsed.data, error: String(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
