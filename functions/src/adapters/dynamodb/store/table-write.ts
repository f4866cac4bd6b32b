import type { EntityItem } from 'electrodb';
import type { WriteOp } from '../../../ports/store/write-op';
import type { Entities, TxEntities } from '../service';

/** A WriteOp of this store: the ElectroDB transaction item it becomes, built when the transaction is. */
type Build = (entities: TxEntities) => unknown;

const builds = new WeakMap<WriteOp, Build>();

export function tableWrite(build: Build): WriteOp {
  const op = Object.freeze({}) as WriteOp;
  builds.set(op, build);
  return op;
}

export function buildOf(op: WriteOp): Build {
  const build = builds.get(op);
  if (!build) throw new TypeError('a WriteOp made by another store');
  return build;
}

/** True when a single-item write was refused by its condition (ElectroDB wraps the SDK error). */
export function isConditionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { name?: string } } | undefined)?.cause;
  return cause?.name === 'ConditionalCheckFailedException' || /conditional/i.test(String(error));
}

/** Runs a conditional single-item write: false when its condition failed. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The items an entity produces, as ElectroDB types them. */
export type ItemOf<K extends keyof Entities> = EntityItem<Entities[K]>;

/**
 * Compile-time check that an entity produces exactly the port's record (and accepts it back):
 * `const _check: Same<ItemOf<'seal'>, SealRecord> = true`.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
