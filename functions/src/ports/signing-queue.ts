/** Deliveries of one message before it is set aside as a dead letter (the worker records the document as failed on the last). */
export const MAX_RECEIVES = 3;

/** One document of a signing batch, for a worker to sign (decision 0165). */
export interface BatchDocumentMessage {
  batchId: string;
  documentId: string;
}

/**
 * The `SigningQueue` port: where a signing batch's documents wait for the workers. SQS in AWS (a
 * Lambda worker per message, a dead-letter queue behind); the local stack drives the same worker
 * handler in-process. Delivery is at least once: the worker makes a repeated message harmless.
 */
export interface SigningQueue {
  enqueue(messages: BatchDocumentMessage[]): Promise<void>;
}
