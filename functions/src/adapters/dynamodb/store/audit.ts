import type { AuditCheckpointRecord, AuditEventRecord, AuditEvents, PendingAuditEventRecord } from '../../../ports/store/audit';
import type { SealService } from '../service';
import { conditionally, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'auditEvent'>, AuditEventRecord> = true;
const _pending: Same<ItemOf<'auditPending'>, PendingAuditEventRecord> = true;
const _checkpoint: Same<ItemOf<'auditCheckpoint'>, AuditCheckpointRecord> = true;

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
  };
}
