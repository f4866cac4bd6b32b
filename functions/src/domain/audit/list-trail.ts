import { DomainError, authorize, type Actor, type sealDto } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { seqsOfCursor } from './audit-trail-range';

/** 审计记录 (decision 0225): the company's linked events, newest first, a page at a time. */
export async function listTrail(
  store: SealStore,
  input: { actor: Actor; companyId: string; query: sealDto.AuditEventsQuery },
): Promise<sealDto.AuditEventList> {
  const { actor, companyId, query } = input;
  if (!authorize(actor, 'audit.view', { companyId }).allowed) throw new DomainError('NOT_AUTHORIZED');
  const items = await store.audit.newestLinks(companyId, { before: query.cursor ? seqsOfCursor(query.cursor, 1)[0] : undefined, limit: query.limit });
  const last = items[items.length - 1];
  return { items, ...(last && last.seq > 1 && items.length === query.limit ? { cursor: String(last.seq) } : {}) };
}
