import type { IncomingMessage, ServerResponse } from 'node:http';
import { clockOffsetDays, LOCAL_CLOCK_OFFSET, MAX_CLOCK_OFFSET_DAYS } from '../../src/config/clock';
import { getServices } from '../../src/composition';
import { runRenewalJob } from '../../src/entry/jobs/renewal-job';
import { runArchiveJob } from '../../src/entry/jobs/archive-timestamp-job';
import { runAuditCheckpointJob } from '../../src/entry/jobs/audit-checkpoint-job';
import { composePorts } from '../../src/composition';
import { platformKeys } from '../../src/composition/platform-keys';
import { signingServices } from '../../src/composition-signing';
import { formatBeijingDateTime } from '@seal/shared/time';

/**
 * Controls of the local stack only (decision 0107), beside the API but not in the route table, so
 * nothing deploys them: the platform's clock, and the daily jobs EventBridge runs in AWS.
 *   GET  /local/clock                       → { offsetDays, now, beijing }
 *   POST /local/clock  { "offsetDays": 340 } → the platform's clock runs that many days ahead
 *   POST /local/jobs/renewal                → runs the renewal job now (by the platform's clock)
 *   POST /local/jobs/archive                → runs the archive job now (document timestamps, decision 0171)
 *   POST /local/jobs/audit-checkpoints      → runs the audit checkpoint job now (decision 0227)
 * Answered only to a caller on this machine (whatever HOST opens to the network) and never in production.
 */
export async function handleLocalControl(req: IncomingMessage, res: ServerResponse, pathname: string, body: Buffer): Promise<boolean> {
  if (!pathname.startsWith('/local/')) return false;
  const services = getServices();
  if (services.config.STAGE === 'prod' || !isLoopback(req.socket.remoteAddress)) return reply(res, 404, { code: 'ROUTE_NOT_FOUND' });
  const clock = () => {
    const now = services.now();
    return { offsetDays: clockOffsetDays(process.env), now: now.toISOString(), beijing: formatBeijingDateTime(now) };
  };
  if (pathname === '/local/clock' && req.method === 'GET') return reply(res, 200, clock());
  if (pathname === '/local/clock' && req.method === 'POST') {
    const offsetDays = parse(body)?.offsetDays;
    if (typeof offsetDays !== 'number' || !Number.isInteger(offsetDays) || offsetDays < 0 || offsetDays > MAX_CLOCK_OFFSET_DAYS)
      return reply(res, 400, { code: 'VALIDATION_FAILED', message: `offsetDays: 0–${MAX_CLOCK_OFFSET_DAYS} 的整数天数` });
    process.env[LOCAL_CLOCK_OFFSET] = String(offsetDays);
    return reply(res, 200, clock());
  }
  if (pathname === '/local/jobs/renewal' && req.method === 'POST') return reply(res, 200, await runRenewalJob(services, { now: services.now() }));
  if (pathname === '/local/jobs/archive' && req.method === 'POST') return reply(res, 200, await runArchiveJob(signingServices(services), { now: services.now() }));
  if (pathname === '/local/jobs/audit-checkpoints' && req.method === 'POST') return reply(res, 200, await runAuditCheckpointJob(composePorts(services, [platformKeys])));
  return reply(res, 404, { code: 'ROUTE_NOT_FOUND' });
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function parse(body: Buffer): { offsetDays?: number } | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as { offsetDays?: number };
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
