import type { sealDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveBlob } from '../api/download';

/** Pages one export may take on the desktop (1,000 links each): a longer range is asked to be cut shorter. */
export const EXPORT_MAX_PAGES = 200;

/**
 * 导出 (decision 0225): every page of the range fetched in turn and joined into the one file
 * `seal audit verify` checks (the pages' links and checkpoints in order, no cursor), then saved.
 */
export async function exportTrail(companyId: string, from: string, to: string, onProgress: (links: number) => void): Promise<number> {
  let page = await call(routes.exportAuditTrail, { params: { companyId }, query: { from, to } });
  const { cursor: _first, ...trail } = page;
  const joined: sealDto.AuditExport = { ...trail, events: [...page.events], checkpoints: [...page.checkpoints] };
  onProgress(joined.events.length);
  for (let pages = 1; page.cursor; pages++) {
    if (pages >= EXPORT_MAX_PAGES) throw new Error('该时间段内的审计记录过多，请缩短时间段后分次导出');
    page = await call(routes.exportAuditTrail, { params: { companyId }, query: { from, to, cursor: page.cursor } });
    joined.events.push(...page.events);
    joined.checkpoints.push(...page.checkpoints);
    onProgress(joined.events.length);
  }
  saveBlob(new Blob([JSON.stringify(joined, null, 2)], { type: 'application/json' }), `审计记录-${companyId}-${from}至${to}.json`);
  return joined.events.length;
}
