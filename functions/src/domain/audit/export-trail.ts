import { AUDIT_EXPORT_FORMAT, DomainError, authorize, type Actor, type sealDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { toPem } from '../../engines/pki/pem';
import { checkpointTrail } from './chain-trail';
import { beijingDayBounds, firstSeqAtOrAfter, seqsOfCursor } from './audit-trail-range';

export interface ExportTrailInput {
  actor: Actor;
  companyId: string;
  query: sealDto.AuditExportQuery;
}

/**
 * 导出审计记录 (decision 0225): one page of the links recorded in a range of Beijing days, with the
 * checkpoints from the one just before the first link to the page's last link, and the platform's
 * root and TSA certificates. The range is fixed as seqs on the first page and carried in the
 * cursor, so the pages join into one contiguous part of the chain however the chain grows meanwhile.
 * The first page is the export's audit event, and checkpoints the head when the range reaches it,
 * so the whole part is timestamped.
 */
export async function exportTrailPage(services: Ports, input: ExportTrailInput): Promise<sealDto.AuditExport> {
  const { actor, companyId, query } = input;
  const decision = authorize(actor, 'audit.export', { companyId });
  if (!decision.allowed || !actor.personId) throw new DomainError('NOT_AUTHORIZED');
  const { audit } = services.store;
  let next: number;
  let end: number;
  if (query.cursor) {
    // Sealed for this caller and range (http/cursor.ts): a page can only follow the first, audited one.
    [next, end] = seqsOfCursor(query.cursor, 2) as [number, number];
  } else {
    const head = await audit.head(companyId);
    const headSeq = head?.seq ?? 0;
    next = await firstSeqAtOrAfter(audit, companyId, beijingDayBounds(query.from).start, headSeq);
    end = (await firstSeqAtOrAfter(audit, companyId, beijingDayBounds(query.to).end, headSeq)) - 1;
    if (head && end === head.seq) await checkpointTrail(services, companyId, head, 0);
    await services.store.commitWithAudit(
      { companyId, actorId: actor.personId, actorRole: decision.as, action: 'audit.export', subject: `audit:${companyId}`, after: { from: query.from, to: query.to, fromSeq: next, toSeq: end } },
      [],
      services.now(),
    );
  }
  const events = await audit.links(companyId, { fromSeq: next, toSeq: end, limit: query.limit });
  const last = events[events.length - 1];
  // The checkpoint just before the part anchors it; later pages start where the previous one's ended.
  const checkpoints = last ? await audit.checkpointsBetween(companyId, { fromSeq: query.cursor ? next : next - 1, toSeq: last.seq }) : [];
  return {
    format: AUDIT_EXPORT_FORMAT,
    version: 1,
    companyId,
    from: query.from,
    to: query.to,
    exportedAt: services.now().toISOString(),
    events,
    checkpoints,
    certificates: await platformTimestampCertificates(services),
    ...(last && last.seq < end ? { cursor: `${last.seq + 1}-${end}` } : {}),
  };
}

/** The platform root and every TSA certificate its key has had (PEM): what the checkpoints' tokens chain to. */
async function platformTimestampCertificates(services: Ports): Promise<{ root: string; tsa: string[] }> {
  const [root, tsa] = await Promise.all([services.store.platformCertificates.get('root'), services.store.platformCertificates.get('tsa')]);
  if (!root || !tsa) throw new DomainError('PLATFORM_NOT_READY');
  const pem = (base64: string) => toPem(Buffer.from(base64, 'base64'));
  return { root: pem(root.certificate), tsa: [tsa.certificate, ...(tsa.previous ?? [])].map(pem) };
}
