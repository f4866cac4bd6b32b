import * as z from 'zod/mini';
import { id } from '../fields';
import { NOTIFICATION_KINDS, NOTIFICATION_TEMPLATE_GROUPS } from '../../domain/notifications';

/** 消息: the in-app list of what the platform told a person, and marking it read. */

export const NotificationsQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  /** Page size: the phone asks for a screenful at a time (加载更多 for the next). */
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 50),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;

export const NotificationView = z.object({
  notificationId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.optional(z.string()),
  /** Where tapping it leads, with what the page needs. */
  target: z.enum(['grants', 'application', 'seals', 'renew']),
  companyId: z.optional(z.string()),
  applicationId: z.optional(z.string()),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({
  items: z.array(NotificationView),
  /** Unread among the newest 50, whatever the page asked for (the badge). */
  unread: z.number(),
  cursor: z.optional(z.string()),
  /**
   * WeChat subscribe-message template ids the phone asks the person to accept (wx.requestSubscribeMessage),
   * by group; empty where WeChat messages are not configured (local runs).
   */
  subscribeTemplates: z.array(z.object({ group: z.enum(NOTIFICATION_TEMPLATE_GROUPS), templateId: z.string() })),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkReadRequest = z.object({
  notificationIds: z
    .array(id, { error: '请选择消息' })
    .check(z.minLength(1, '请选择消息'), z.maxLength(50, '一次最多标记50条消息')),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

export const MarkReadResponse = z.object({ unread: z.number() });
export type MarkReadResponse = z.infer<typeof MarkReadResponse>;
