import { createHash } from 'node:crypto';
import { UNSEALED_SHARDS, type AuditCheckpointRecord, type AuditEventRecord, type AuditEvents, type PendingAuditEventRecord } from '../../../ports/store/audit';
import type { SealService } from '../service';
import { conditionally, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'auditEvent'>, AuditEventRecord> = true;
const _pending: Same<ItemOf<'auditPending'>, PendingAuditEventRecord> = true;
const _checkpoint: Same<ItemOf<'auditCheckpoint'>, AuditCheckpointRecord> = true;

/** The shard a company's unsealed-head mark is filed under: spread so no one partition takes every link's write. */
export function unsealedShardOf(companyId: string): number {
  return createHash('sha256').update(companyId).digest().readUInt32BE(0) % UNSEALED_SHARDS;
}

export function dynamoDbAuditEvents({ entities, transaction }: SealService): AuditEvents {
  return {
    async ofCompany(companyId) {
      return (await entities.auditEvent.query.byCompany({ companyId }).go({ pages: 'all', consistent: true })).data;
    },
    async pending(companyId, limit) {
      return (await entities.auditPending.query.byCompany({ companyId }).go({ consistent: true, limit })).data;
    },
    async head(companyId) {
      const { data } = await entities.auditHead.get({ companyId }).go({ consistent: true });
      return data ? { seq: data.seq, hash: data.hash } : undefined;
    },
    async link(companyId, from, links) {
      const last = links[links.length - 1];
      if (!last) return true;
      const result = await transaction
        .write((tx) => [
          ...links.flatMap(({ pendingId, event }) => [
            tx.auditPending.delete({ companyId, pendingId }).where((a, op) => op.exists(a.pendingId)).commit(),
            tx.auditEvent.create(event).commit(),
          ]),
          from
            ? tx.auditHead.patch({ companyId }).set({ seq: last.event.seq, hash: last.event.hash }).where((a, op) => op.eq(a.seq, from.seq)).commit()
            : tx.auditHead.create({ companyId, seq: last.event.seq, hash: last.event.hash }).commit(),
          tx.auditUnsealed.put({ shard: unsealedShardOf(companyId), companyId, seq: last.event.seq }).commit(),
        ])
        .go();
      return !result.canceled;
    },
    async checkpoints(companyId) {
      return (await entities.auditCheckpoint.query.byCompany({ companyId }).go({ pages: 'all', consistent: true })).data;
    },
    async latestCheckpoint(companyId) {
      return (await entities.auditCheckpoint.query.byCompany({ companyId }).go({ consistent: true, order: 'desc', limit: 1 })).data[0];
    },
    addCheckpoint(checkpoint) {
      return conditionally(() => entities.auditCheckpoint.create(checkpoint).go());
    },
    async linkAt(companyId, seq) {
      return (await entities.auditEvent.get({ companyId, seq }).go()).data ?? undefined;
    },
    async links(companyId, { fromSeq, toSeq, limit }) {
      if (toSeq < fromSeq) return [];
      return (await entities.auditEvent.query.byCompany({ companyId }).between({ seq: fromSeq }, { seq: toSeq }).go({ limit })).data;
    },
    async newestLinks(companyId, { before, limit }) {
      const query = entities.auditEvent.query.byCompany({ companyId });
      return (await (before === undefined ? query : query.lt({ seq: before })).go({ order: 'desc', limit })).data;
    },
    async checkpointsBetween(companyId, { fromSeq, toSeq }) {
      if (toSeq < fromSeq) return [];
      return (await entities.auditCheckpoint.query.byCompany({ companyId }).between({ seq: fromSeq }, { seq: toSeq }).go({ pages: 'all' })).data;
    },
    async unsealedHeads(shard, { after, limit }) {
      const query = entities.auditUnsealed.query.byShard({ shard });
      const { data } = await (after === undefined ? query : query.gt({ companyId: after })).go({ limit });
      return data.map(({ companyId, seq }) => ({ companyId, seq }));
    },
    async clearUnsealed(companyId, seq) {
      await conditionally(() =>
        entities.auditUnsealed
          .delete({ shard: unsealedShardOf(companyId), companyId })
          .where((a, op) => op.lte(a.seq, seq))
          .go(),
      );
    },
  };
}
