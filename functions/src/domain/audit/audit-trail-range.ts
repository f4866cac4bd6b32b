import { DomainError } from '@seal/shared';
import type { AuditEvents } from '../../ports/store/audit';

/** The instant a Beijing day (YYYY-MM-DD) starts, and the one the day after it starts. */
export function beijingDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/**
 * The first seq whose link was recorded at or after `instant` (`headSeq + 1` when none), by
 * bisecting the chain: about log2(length) single-item reads, however long the chain. Links are in
 * the chainer's order and their times within seconds of it (decision 0160), so a range cut this
 * way is a contiguous part of the chain, which is what a verifier can check.
 */
export async function firstSeqAtOrAfter(audit: AuditEvents, companyId: string, instant: Date, headSeq: number): Promise<number> {
  const iso = instant.toISOString();
  let low = 1;
  let high = headSeq + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const link = await audit.linkAt(companyId, middle);
    if (!link || link.at >= iso) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The seqs inside a page cursor the platform made (`next` or `next-end`; it reaches the use case
 * opened, having been sealed for this caller and query): anything else is VALIDATION_FAILED.
 */
export function seqsOfCursor(cursor: string, parts: 1 | 2): number[] {
  const seqs = cursor.split('-').map((part) => (/^[1-9]\d{0,14}$/.test(part) ? Number(part) : NaN));
  if (seqs.length !== parts || !seqs.every((seq) => Number.isSafeInteger(seq))) throw new DomainError('VALIDATION_FAILED', '分页参数无效，请从第一页重新查询');
  return seqs;
}
