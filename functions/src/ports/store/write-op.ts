declare const writeOp: unique symbol;

/**
 * One item write of a transaction: made by an aggregate module of the store (`store.seals.update`,
 * `store.credentials.create`...), carrying its own condition (usually the version the caller read),
 * and applied together with others and an audit event by `store.commitWithAudit`. Opaque: only
 * the store that made it can apply it.
 */
export interface WriteOp {
  readonly [writeOp]: true;
}

/** `consistent`: read what every write acknowledged before this read (a strongly consistent read). */
export interface ReadOptions {
  consistent?: boolean;
}

/** A record as read: the write that changes it is conditional on this version. */
export interface Versioned {
  version: number;
}

/** One page of a list read in order; `cursor` continues it. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface PageRequest {
  cursor?: string;
  limit?: number;
}
