import type { CreateEntityItem, EntityItem } from 'electrodb';
import type { AuditEventRecord, SealStore } from '../../ports/seal-store';
import { GetCommand } from '#lib-dynamodb';
import { AuditEvent } from './entities/audit-event';
import { CompanyBefore0205, GrantBefore0205 } from './entities/before-person-partition';
import { electroDbClient } from './client';
import type { Entities } from './service';
import { tableOf } from './store';

type Name = keyof Entities;
type Item<K extends Name> = EntityItem<Entities[K]>;

/**
 * Tests only: the table under a store, written directly, past the domain's rules and the audit
 * chain. For arranging a state the domain reaches only in many steps (an active seal of a
 * company nobody applied for), forcing one a test needs (a credential already on a UKey), and
 * tampering with what the domain must detect (an edited audit event). Never imported by
 * production code.
 */
export interface TestTable {
  /** Writes the item (defaults filled in), replacing any with its key. */
  put<K extends Name>(entity: K, item: CreateEntityItem<Entities[K]>): Promise<void>;
  /** Sets attributes of an existing item, with no condition and no version change. */
  set<K extends Name>(entity: K, key: Partial<Item<K>>, changes: Partial<Item<K>>): Promise<void>;
  remove<K extends Name>(entity: K, key: Partial<Item<K>>): Promise<void>;
  /** Writes a company or a grant as the code before decision 0205 did: gsi1 under the legal representative's or the grantee's own partition. */
  putBefore0205(entity: 'company' | 'grant', item: Item<'company'> | Item<'grant'>): Promise<void>;
  /** The item's raw gsi1 keys, as the table holds them. */
  personIndexKeysOf<K extends Name>(entity: K, key: Partial<Item<K>>): Promise<{ gsi1pk?: string; gsi1sk?: string }>;
}

// The entity is picked by name at run time; the signatures above carry the types.
type Untyped = {
  put(item: unknown): { go(): Promise<unknown> };
  patch(key: unknown): { set(changes: unknown): { go(): Promise<unknown> } };
  delete(key: unknown): { go(): Promise<unknown> };
};

/** The item the table stores for an audit event (keys and all), as its stream carries it. */
export function auditEventItem(event: AuditEventRecord, table = 'seal-platform'): Record<string, unknown> {
  return AuditEvent({ table }).put(event).params().Item as Record<string, unknown>;
}

export function testTable(store: SealStore): TestTable {
  const { entities, client, table } = tableOf(store);
  const before0205 = { client: electroDbClient(client), table };
  const entity = (name: Name) => entities[name] as unknown as Untyped;
  return {
    async put(name, item) {
      await entity(name).put(item).go();
    },
    async set(name, key, changes) {
      await entity(name).patch(key).set(changes).go();
    },
    async remove(name, key) {
      await entity(name).delete(key).go();
    },
    async putBefore0205(name, item) {
      const old = (name === 'company' ? CompanyBefore0205(before0205) : GrantBefore0205(before0205)) as unknown as Untyped;
      await old.put(item).go();
    },
    async personIndexKeysOf(name, key) {
      const { Key } = (entities[name] as unknown as { get(key: unknown): { params(): { Key: Record<string, unknown> } } }).get(key).params();
      const { Item } = await client.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }));
      return { gsi1pk: Item?.gsi1pk as string | undefined, gsi1sk: Item?.gsi1sk as string | undefined };
    },
  };
}
