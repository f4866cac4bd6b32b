import { DomainError, SYSTEM_CAUSE_LABELS, type SealEvent } from '@seal/shared';
import { transitionSeal } from '../../domain/seal/transition-seal';
import { logEvent } from '../../config/logger';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { composePorts, getServices } from '../../composition';
import { notifier } from '../../composition/notifier';
import type { Ports } from '../../ports';
import { notify } from '../../domain/notification/notify';
import { expiringNotices } from '../../domain/notification/notices';

/** Seals enter renewal_due this many days before their earliest certificate expires. */
export const RENEWAL_WINDOW_DAYS = 30;
/** Days back the job looks for expiries it has not handled yet (it may have missed runs). */
export const CATCH_UP_DAYS = 31;

const DAY_MS = 24 * 3600 * 1000;

export interface RenewalJobReport {
  markedRenewalDue: string[];
  expired: string[];
  /** Seals that changed under the job (someone froze or renewed them meanwhile): tomorrow's run sees them again. */
  skipped: string[];
  /** People reminded of a certificate expiring within 30 days (消息 and a WeChat subscribe message). */
  reminded: number;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The daily renewal job. It reads the seals by expiry day through the `byExpiry` index (one
 * query per day, no Scan): a seal whose earliest certificate expired on a past day is `expire`d
 * (from active, renewal_due or frozen), one whose certificate expires within the next 30 days
 * goes `active → renewal_due`. Both as `system`, through `transitionSeal` (state machine, version
 * condition, audit event). A seal entering renewal_due reminds its legal representative, its
 * administrators and the people who claimed it (once: the reminder's id is derived from the seal
 * and its expiry day). Idempotent: a second run the same day changes nothing.
 */
export async function runRenewalJob(services: Pick<Ports, 'store' | 'notifier'>, options: { now: Date }): Promise<RenewalJobReport> {
  const report: RenewalJobReport = { markedRenewalDue: [], expired: [], skipped: [], reminded: 0 };
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  for (let offset = -CATCH_UP_DAYS; offset <= RENEWAL_WINDOW_DAYS; offset++) {
    const expiresOn = day(new Date(today + offset * DAY_MS));
    const seals = await services.store.seals.expiringOn(expiresOn);
    // Expired means the whole expiry day has passed; on the day itself the certificate still works until its notAfter.
    const event: SealEvent = offset < 0 ? 'expire' : 'mark_renewal_due';
    for (const seal of seals) {
      const due = event === 'expire' ? ['active', 'renewal_due', 'frozen'].includes(seal.state) : seal.state === 'active';
      if (!due) continue;
      try {
        await transitionSeal(services.store, {
          sealId: seal.sealId,
          event,
          as: 'system',
          actorId: 'system:renewal-job',
          reason: SYSTEM_CAUSE_LABELS[event === 'expire' ? 'certificate_expired' : 'certificate_expiring'],
          expectedVersion: seal.version,
          now: () => options.now,
        });
        (event === 'expire' ? report.expired : report.markedRenewalDue).push(seal.sealId);
        if (event === 'mark_renewal_due') {
          const notices = await expiringNotices(services.store, seal, options.now);
          await notify(services, notices);
          report.reminded += notices.length;
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        report.skipped.push(seal.sealId);
      }
    }
  }
  logEvent('info', 'renewal job', {
    renewalDue: report.markedRenewalDue.length,
    expired: report.expired.length,
    skipped: report.skipped.length,
    reminded: report.reminded,
  });
  return report;
}

/** The scheduled Lambda (EventBridge, daily): `functions/src/entry/jobs/renewal-job.handler`. */
export async function handler(): Promise<RenewalJobReport> {
  await loadRuntimeSecrets();
  const services = composePorts(getServices(), [notifier]);
  return runRenewalJob(services, { now: services.now() });
}
