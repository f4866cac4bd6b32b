import * as notifications from '../dto/notifications';
import { type Route } from '../route';

/** 消息: what the platform told me (grants, applications, seals revoked, certificates expiring). */

export const listNotifications = {
  method: 'GET',
  path: '/v1/notifications',
  handler: 'list-notifications',
  auth: 'session',
  summary: '我的消息（最新在前）',
  query: notifications.NotificationsQuery,
  response: notifications.NotificationList,
} satisfies Route;

export const markNotificationsRead = {
  method: 'POST',
  path: '/v1/notifications/read',
  handler: 'mark-notifications-read',
  auth: 'session',
  summary: '消息标为已读',
  body: notifications.MarkReadRequest,
  response: notifications.MarkReadResponse,
} satisfies Route;
