import type { AuditEventRecord, SealStore } from '../src/ports/seal-store';
import { linkPendingEvents } from '../src/domain/audit/chain-trail';

/**
 * A company's audit chain once every event written so far is linked: what the chainer on the
 * table's stream makes within a second (decision 0160), done here at once so a test reads it.
 */
export async function chainedTrail(store: SealStore, companyId: string): Promise<AuditEventRecord[]> {
  await linkPendingEvents(store, companyId);
  return store.audit.ofCompany(companyId);
}
