import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB call as a request made it: the operation and what it named. */
export interface DynamoDbCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface DynamoDbCallLog {
  /** The calls made since `start`, in order. */
  readonly calls: DynamoDbCall[];
  /** Forgets the calls so far and counts anew. */
  start(): void;
  /** Puts both clients' `send` back. */
  restore(): void;
}

/**
 * Counts every DynamoDB call of this process (the local stack runs its handlers in-process): the
 * document client's and the plain client's `send` are wrapped, so what ElectroDB, the audit chain,
 * the idempotency layer and the quotas send is all seen. A document client's call runs through its
 * own middleware, not the plain client's `send`, so nothing is counted twice.
 */
export function countDynamoDbCalls(): DynamoDbCallLog {
  const calls: DynamoDbCall[] = [];
  const restores = [DynamoDBClient.prototype, DynamoDBDocumentClient.prototype].map((proto) => {
    const own = Object.getOwnPropertyDescriptor(proto, 'send');
    const original = proto.send as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(proto, 'send', {
      configurable: true,
      writable: true,
      value: function send(this: unknown, command: { constructor: { name: string }; input: Record<string, unknown> }, ...rest: unknown[]) {
        calls.push({ operation: command.constructor.name.replace(/Command$/, ''), input: command.input });
        return original.call(this, command, ...rest);
      },
    });
    return () => (own ? Object.defineProperty(proto, 'send', own) : delete (proto as { send?: unknown }).send);
  });
  return {
    calls,
    start: () => void calls.splice(0),
    restore: () => restores.forEach((r) => r()),
  };
}
