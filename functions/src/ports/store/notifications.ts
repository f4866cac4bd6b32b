import type { NotificationFacts, NotificationKind } from '@seal/shared';
import type { Page, PageRequest } from './write-op';

/** 消息: one thing the platform told one person (grants, applications, seals, certificates). */
export interface NotificationRecord {
  personId: string;
  /** Time-ordered and derived from the event (`notificationIdFor`): the list sorts by it, a retry finds it. */
  notificationId: string;
  kind: NotificationKind;
  facts: NotificationFacts;
  createdAt: string;
  readAt?: string;
  /** How the push channel (WeChat subscribe message, or the local inbox) answered. */
  delivery?: 'sent' | 'not_subscribed' | 'not_configured' | 'failed';
  /** Epoch seconds: kept 180 days. */
  ttl: number;
}

export type NewNotification = Omit<NotificationRecord, 'readAt' | 'delivery'>;

export interface Notifications {
  /** Create-only: false when this notification exists already (the event was handled before). */
  add(notification: NewNotification): Promise<boolean>;
  /** A person's messages, newest first. */
  ofPerson(personId: string, page?: PageRequest): Promise<Page<NotificationRecord>>;
  /** Marks the person's own messages read (others' ids, unknown or already read ones are left alone). */
  markRead(personId: string, notificationIds: readonly string[], at: string): Promise<void>;
  recordDelivery(personId: string, notificationId: string, delivery: NonNullable<NotificationRecord['delivery']>): Promise<void>;
}
