import { QueryCommand, UpdateCommand } from '#lib-dynamodb';
import { CompanyBefore0205, GrantBefore0205 } from '../entities/before-person-partition';
import type { Entities, SealService } from '../service';

type Item = Record<string, unknown>;

/**
 * Refiling on next use (decision 0220). Decision 0205 moved the companies' and grants' gsi1 keys
 * into the person's partition; a table written before it still holds them under the legal
 * representative's and the grantee's own partitions. The first time a person's partition is read,
 * their items still filed the old way are moved into it, each by a write conditional on the old
 * key, and the person item is then filed in the partition too, under `REFILED`: its presence in the
 * partition's one query is the mark, so a refiled person costs no extra call. No Scan: each person
 * moves their own items when they come (infra/lib/function-permissions.ts allows no function to scan).
 */

/** The person item's gsi1 sort key once their items are refiled; no entity's sort key starts so. */
export const REFILED = '$person#refiled';

/** The person's partition of gsi1 (entities/person-partition.ts), as the credential's index names it. */
export function personPartition(entities: Entities, personId: string): string {
  const { ExpressionAttributeValues } = entities.credential.query.byPerson({ personId }).params() as { ExpressionAttributeValues: { ':pk': string } };
  return ExpressionAttributeValues[':pk'];
}

/** Every item of a gsi1 partition, page by page. */
export async function partitionItems({ client, table }: SealService, partition: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': partition },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export const isRefiled = (items: Item[]) => items.some((item) => item.gsi1sk === REFILED);

/** Items moved at once: a person has a handful, but nothing here trusts that. */
const MOVE_WAVE = 10;

/**
 * Moves the person's old-shape companies and grants into their partition, marks the person, and
 * answers the partition as it now is. Two first requests of one person may run this at once: each
 * move is conditional on the old key, so one of them moves an item and the other finds it moved,
 * and both answer every item (the partition read after the moves, with the items this request moved,
 * which an eventually consistent index might not show yet).
 */
export async function refile(db: SealService, personId: string, partition: string): Promise<Item[]> {
  const before = { table: db.table };
  const [companies, grants] = await Promise.all([
    partitionItems(db, oldPartition(CompanyBefore0205(before).query.byLegalRep({ legalRepPersonId: personId }))),
    partitionItems(db, oldPartition(GrantBefore0205(before).query.byGrantee({ granteeId: personId }))),
  ]);
  const filed = [...companies.filter((c) => c.legalRepPersonId === personId), ...grants.filter((g) => g.granteeId === personId)];
  const moved: Item[] = [];
  for (let i = 0; i < filed.length; i += MOVE_WAVE) {
    for (const item of await Promise.all(filed.slice(i, i + MOVE_WAVE).map((item) => move(db, item, partition)))) if (item) moved.push(item);
  }
  // The mark comes last: a request that sees it must find every item in the partition.
  const [now] = await Promise.all([partitionItems(db, partition), mark(db, personId, partition)]);
  return newest([...now, ...moved]);
}

function oldPartition(query: { params(): unknown }): string {
  return (query.params() as { ExpressionAttributeValues: { ':pk': string } }).ExpressionAttributeValues[':pk'];
}

/**
 * Rewrites one item's gsi1 partition, if it is still the old one; nothing else of the item changes
 * (not its version: writers conditional on it are not disturbed, decision 0140's precedent), and
 * nothing is asked back: the functions that only read may rewrite these keys and nothing else
 * (infra/lib/grant-permissions.ts). Answers the item as read with its new key; an item whose key
 * changed meanwhile (moved by a concurrent first request, or no longer this person's) is left to
 * the partition's own read.
 */
async function move({ client, table }: SealService, item: Item, partition: string): Promise<Item | undefined> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET #gsi1pk = :partition',
        ConditionExpression: '#gsi1pk = :old',
        ExpressionAttributeNames: { '#gsi1pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':partition': partition, ':old': item.gsi1pk },
      }),
    );
    return { ...item, gsi1pk: partition };
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/** Files the person item in their partition under REFILED (it has no gsi1 keys of its own); a person never stored is not marked. */
async function mark(db: SealService, personId: string, partition: string): Promise<void> {
  const { Key } = db.entities.person.get({ personId }).params() as { Key: Item };
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key,
        UpdateExpression: 'SET #gsi1pk = :partition, #gsi1sk = :refiled',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#gsi1pk': 'gsi1pk', '#gsi1sk': 'gsi1sk', '#pk': 'pk' },
        ExpressionAttributeValues: { ':partition': partition, ':refiled': REFILED },
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** One copy of each item (by its table key), the later version where two were read. */
function newest(items: Item[]): Item[] {
  const byKey = new Map<string, Item>();
  for (const item of items) {
    const key = JSON.stringify([item.pk, item.sk]);
    const seen = byKey.get(key);
    if (!seen || Number(item.version ?? 0) > Number(seen.version ?? 0)) byKey.set(key, item);
  }
  return [...byKey.values()];
}
