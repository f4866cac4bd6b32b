import { notificationDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';
import { PAGE_SIZE } from './page-size';

// 消息 over `routes.listNotifications` / `routes.markNotificationsRead` (newest first, with the unread count).

export type NotificationView = notificationDto.NotificationView;
export type NotificationList = notificationDto.NotificationList;

/** One page of 消息 (`cursor` from the previous page); `unread` is always that of the newest. */
export function fetchNotifications(cursor?: string): Promise<NotificationList> {
  return call(routes.listNotifications, { query: { cursor, limit: PAGE_SIZE } });
}

/** Marks these messages read; answers the unread count left. At most 50 per call (the API's bound). */
export async function markRead(notificationIds: string[]): Promise<number> {
  let unread = 0;
  for (let i = 0; i < notificationIds.length; i += 50)
    ({ unread } = await call(routes.markNotificationsRead, { body: { notificationIds: notificationIds.slice(i, i + 50) } }));
  return unread;
}
