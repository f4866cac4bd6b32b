import { BatchGetCommand, type BatchGetCommandInput, type BatchGetCommandOutput } from '#lib-dynamodb';
import type { PersonRecords, TogetherItems, TogetherKeys } from '../../../ports/seal-store';
import type { Entities, SealService } from '../service';
import { isRefiled, partitionItems, personPartition, refile } from './refile';

type Item = Record<string, unknown>;

/**
 * The reads that span entities (decision 0205). ElectroDB reads one entity at a time, so these go
 * to the client with keys ElectroDB made, and each item comes back through its own entity's `parse`
 * (which keeps only that entity's items and maps them as every other read does).
 */

/**
 * One query of the person's partition of gsi1: their companies, grants and credentials
 * (entities/person-partition.ts). The first time, their items still filed as before decision 0205
 * are moved into it (store/refile.ts, decision 0220).
 */
export async function recordsOf(db: SealService, personId: string): Promise<PersonRecords> {
  const { entities } = db;
  const partition = personPartition(entities, personId);
  let items = await partitionItems(db, partition);
  if (!isRefiled(items)) items = await refile(db, personId, partition);
  // Only what names the person counts: an item filed here by mistake (or by a hand that may only
  // rewrite index keys) makes nobody a legal representative or grantee.
  return {
    companies: entities.company.parse({ Items: items }).data.filter((c) => c.legalRepPersonId === personId),
    grants: entities.grant.parse({ Items: items }).data.filter((g) => g.granteeId === personId),
    credentials: entities.credential.parse({ Items: items }).data.filter((c) => c.personId === personId),
  };
}

/**
 * A consistent BatchGetItem of the named items. Not TransactGetItems: that one is refused while a
 * transaction touching one of its items is under way, and every signature's commit checks its
 * seal, so a busy seal would refuse its own signers. Keys DynamoDB leaves unprocessed (throttling)
 * are asked again.
 */
export async function readTogether({ entities, client, table }: SealService, keys: TogetherKeys): Promise<TogetherItems> {
  const named: [keyof TogetherItems, { params(): unknown }][] = [];
  if (keys.seal !== undefined) named.push(['seal', entities.seal.get({ sealId: keys.seal })]);
  if (keys.company !== undefined) named.push(['company', entities.company.get({ companyId: keys.company })]);
  if (keys.crlState !== undefined) named.push(['crlState', entities.crlState.get({ issuer: keys.crlState })]);
  if (keys.certificate !== undefined) named.push(['certificate', entities.certificate.get({ serial: keys.certificate })]);
  if (named.length === 0) return {};
  let request: BatchGetCommandInput['RequestItems'] = {
    [table]: { Keys: named.map(([, get]) => (get.params() as { Key: Item }).Key), ConsistentRead: true },
  };
  const items: Item[] = [];
  while (request && Object.keys(request).length > 0) {
    const answer: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: request }));
    items.push(...(answer.Responses?.[table] ?? []));
    request = answer.UnprocessedKeys;
  }
  const parsed: TogetherItems = {};
  for (const [name] of named) {
    const [item] = (entities[ENTITY[name]] as unknown as { parse(r: { Items: Item[] }): { data: unknown[] } }).parse({ Items: items }).data;
    if (item) Object.assign(parsed, { [name]: item });
  }
  return parsed;
}

const ENTITY: Record<keyof TogetherItems, keyof Entities> = { seal: 'seal', company: 'company', crlState: 'crlState', certificate: 'certificate' };
