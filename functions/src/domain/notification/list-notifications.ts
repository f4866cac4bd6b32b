import { NOTIFICATION_TARGETS, NOTIFICATION_TEMPLATE_GROUPS, describeNotification, type NotificationTemplateGroup, type notificationDto } from '@seal/shared';
import type { Ports } from '../../ports';
import type { NotificationRecord } from '../../ports/seal-store';

/** The WeChat subscribe-message template ids by group (config `WECHAT_SUBSCRIBE_TEMPLATES`, JSON); none locally. */
export function subscribeTemplates(config: Ports['config']): Partial<Record<NotificationTemplateGroup, string>> {
  if (!config.WECHAT_SUBSCRIBE_TEMPLATES) return {};
  const parsed = JSON.parse(config.WECHAT_SUBSCRIBE_TEMPLATES) as Record<string, unknown>;
  return Object.fromEntries(NOTIFICATION_TEMPLATE_GROUPS.flatMap((g) => (typeof parsed[g] === 'string' && parsed[g] ? [[g, parsed[g]]] : [])));
}

export function notificationView(n: NotificationRecord): notificationDto.NotificationView {
  const { title, body } = describeNotification(n.kind, n.facts);
  return {
    notificationId: n.notificationId,
    kind: n.kind,
    title,
    body,
    createdAt: n.createdAt,
    ...(n.readAt ? { readAt: n.readAt } : {}),
    target: NOTIFICATION_TARGETS[n.kind],
    ...(n.facts.companyId ? { companyId: n.facts.companyId } : {}),
    ...(n.facts.applicationId ? { applicationId: n.facts.applicationId } : {}),
  };
}

const UNREAD_WINDOW = 50;

/** 消息: the person's own notifications, newest first, worded at the edge; `unread` among the newest 50 whatever the page. */
export async function listNotifications(services: Ports, personId: string, cursor?: string, limit = UNREAD_WINDOW): Promise<notificationDto.NotificationList> {
  const page = await services.store.notifications.ofPerson(personId, { cursor, limit });
  const newest = !cursor && limit >= UNREAD_WINDOW ? page : await services.store.notifications.ofPerson(personId, { limit: UNREAD_WINDOW });
  const templates = subscribeTemplates(services.config);
  return {
    items: page.items.map(notificationView),
    unread: newest.items.filter((n) => !n.readAt).length,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    subscribeTemplates: Object.entries(templates).map(([group, templateId]) => ({ group: group as NotificationTemplateGroup, templateId: templateId! })),
  };
}

/** Marks the person's own messages read (the store's key is the person: nobody else's can change). */
export async function markNotificationsRead(services: Ports, personId: string, notificationIds: readonly string[]): Promise<{ unread: number }> {
  await services.store.notifications.markRead(personId, notificationIds, services.now().toISOString());
  const page = await services.store.notifications.ofPerson(personId, { limit: UNREAD_WINDOW });
  return { unread: page.items.filter((n) => !n.readAt).length };
}
