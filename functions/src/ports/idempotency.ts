/**
 * Work done once per request key (decision 0047). A retry under the same key gets the first
 * result; a retry that arrives while the first is still running waits for it (bounded) and gets its
 * result too; the same key with a different payload is refused (REQUEST_ID_REUSED). If the work
 * fails, the key is released and a retry runs it again.
 */
export interface IdempotentRequest {
  /** Which use case: keys of different operations never meet. */
  operation: string;
  /** What makes two requests the same one: who asks, about what, and the client's request id. */
  key: Record<string, string>;
  /** What the request asks for. Stored only as a hash (unsalted): never put a secret (a PIN) here. */
  payload: unknown;
}

export interface Idempotency {
  /** `work`'s result must be plain JSON data: a retry gets it back from storage. */
  once<T>(request: IdempotentRequest, work: () => Promise<T>): Promise<T>;
}

export interface Idempotent {
  idempotency: Idempotency;
}
