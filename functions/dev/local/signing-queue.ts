import { randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { portRecipe } from '../../src/composition';
import { logEvent } from '../../src/config/logger';
import { handler as signBatchWorker } from '../../src/entry/jobs/sign-batch-worker';
import { MAX_RECEIVES, type BatchDocumentMessage, type SigningQueue } from '../../src/ports/signing-queue';

interface Queued {
  messageId: string;
  body: string;
  receiveCount: number;
}

/** Workers in parallel, as Lambda's would be (the queue's maximum concurrency in AWS). */
const DEFAULT_WORKERS = 4;

/**
 * The signing queue of the local stack (decision 0165): the worker handler AWS runs behind SQS,
 * called in-process with SQS-shaped events, `workers` at a time. What SQS does around it is kept:
 * a message the handler reports as failed comes back with its receive count raised, and after
 * MAX_RECEIVES it is set aside as a dead letter (logged). No SQS emulator runs (none on npm works
 * without a JVM download of its own), so the queue's protocol is not exercised locally; the
 * worker, the store and the signing are the ones AWS runs.
 */
export class LocalSigningQueue implements SigningQueue {
  private readonly waiting: Queued[] = [];
  private running = 0;
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];
  readonly deadLetters: Queued[] = [];

  constructor(private readonly workers = Number(process.env.LOCAL_SIGNING_WORKERS) || DEFAULT_WORKERS) {}

  async enqueue(messages: BatchDocumentMessage[]): Promise<void> {
    if (this.stopped) throw new Error('the local signing queue is stopped');
    for (const m of messages) this.waiting.push({ messageId: randomUUID(), body: JSON.stringify(m), receiveCount: 0 });
    this.pump();
  }

  /** Resolves once nothing waits and nothing runs. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what waits and lets what runs finish (the stack stops after). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await this.idle();
  }

  private pump(): void {
    while (this.running < this.workers && this.waiting.length > 0 && !this.stopped) {
      const message = this.waiting.shift()!;
      this.running++;
      void this.deliver(message).finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async deliver(message: Queued): Promise<void> {
    message.receiveCount++;
    const event = { Records: [{ messageId: message.messageId, body: message.body, attributes: { ApproximateReceiveCount: String(message.receiveCount) } }] } as unknown as SQSEvent;
    const failed = await signBatchWorker(event).then(
      (response) => response.batchItemFailures.length > 0,
      () => true,
    );
    if (!failed || this.stopped) return;
    if (message.receiveCount >= MAX_RECEIVES) {
      this.deadLetters.push(message);
      logEvent('error', 'local signing queue: message set aside after its last delivery', { messageId: message.messageId });
    } else this.waiting.push(message);
  }
}

/** The local stack's recipe: composed before EVERY_PORT's, so it stands in for SQS. */
export function localSigningQueueRecipe(queue: LocalSigningQueue) {
  return portRecipe('signingQueue', () => queue);
}
