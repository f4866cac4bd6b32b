import { createHash } from 'node:crypto';
import type { NotificationFacts, NotificationKind } from '@seal/shared';
import { logEvent } from '../../config/logger';
import type { Ports } from '../../ports';

/** Notifications are kept this long (the list shows the newest; older ones expire). */
export const NOTIFICATION_TTL_DAYS = 180;

/** Something to tell one person, and the event it comes from. */
export interface Notice {
  personId: string;
  kind: NotificationKind;
  facts: NotificationFacts;
  /** When the event happened: the message's time, and part of its id. */
  at: Date;
  /** What happened, uniquely (`grant:<id>:received`): a second notice of the same event is the same message. */
  event: string;
}

/**
 * The id sorts by time (epoch milliseconds, base 36, fixed width) and is derived from the event and
 * the person, so telling the same event twice (a retried request, a job run again) finds the first
 * message instead of adding another.
 */
export function notificationIdFor(notice: Pick<Notice, 'at' | 'event' | 'personId'>): string {
  const time = notice.at.getTime().toString(36).padStart(9, '0');
  const hash = createHash('sha256').update(`${notice.personId}\n${notice.event}`).digest('hex').slice(0, 20);
  return `${time}_${hash}`;
}

/**
 * Tells people what happened: each notice is stored for the in-app 消息 list (create-only), then
 * pushed through the `Notifier` (a WeChat subscribe message; the local inbox). Runs after the
 * change it reports was committed, and never fails it: a notice that cannot be stored or pushed
 * is logged and dropped (the change itself is in the audit chain).
 */
export async function notify(services: Pick<Ports, 'store' | 'notifier'>, notices: readonly Notice[]): Promise<void> {
  const seen = new Set<string>();
  for (const notice of notices) {
    const notificationId = notificationIdFor(notice);
    if (seen.has(notificationId)) continue;
    seen.add(notificationId);
    try {
      const added = await services.store.notifications.add({
        personId: notice.personId,
        notificationId,
        kind: notice.kind,
        facts: notice.facts,
        createdAt: notice.at.toISOString(),
        ttl: Math.floor(notice.at.getTime() / 1000) + NOTIFICATION_TTL_DAYS * 86_400,
      });
      if (!added) continue;
      const person = await services.store.people.get(notice.personId);
      const delivery = await services.notifier
        .push({ notificationId, openid: person?.openid, kind: notice.kind, facts: notice.facts, at: notice.at })
        .catch((error: unknown) => {
          logEvent('warn', 'notification push failed', { kind: notice.kind, error: (error as Error).message });
          return 'failed' as const;
        });
      await services.store.notifications.recordDelivery(notice.personId, notificationId, delivery);
    } catch (error) {
      logEvent('warn', 'notification not stored', { kind: notice.kind, error: (error as Error).message });
    }
  }
}
