import type { AuditEventRecord, AuditEvents } from '../../../ports/store/audit';
import type { SealService } from '../service';
import type { ItemOf, Same } from './table-write';

const _produces: Same<ItemOf<'auditEvent'>, AuditEventRecord> = true;

export function dynamoDbAuditEvents({ entities }: SealService): AuditEvents {
  return {
    async ofCompany(companyId) {
      return (await entities.auditEvent.query.byCompany({ companyId }).go({ pages: 'all', consistent: true })).data;
    },
    async latest(companyId) {
      return (await entities.auditEvent.query.byCompany({ companyId }).go({ order: 'desc', limit: 1 })).data[0];
    },
  };
}
