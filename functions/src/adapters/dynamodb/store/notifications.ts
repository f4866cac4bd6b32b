import type { NotificationRecord, Notifications } from '../../../ports/store/notifications';
import type { SealService } from '../service';
import { conditionally, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'notification'>, NotificationRecord> = true;

export function dynamoDbNotifications({ entities }: SealService): Notifications {
  return {
    add: (notification) => conditionally(() => entities.notification.create(notification).go()),
    async ofPerson(personId, request = {}) {
      const result = await entities.notification.query
        .byPerson({ personId })
        .go({ order: 'desc', limit: request.limit ?? 50, cursor: request.cursor ?? null });
      return { items: result.data, ...(result.cursor ? { cursor: result.cursor } : {}) };
    },
    async markRead(personId, notificationIds, at) {
      // One conditional write each: only the person's own, existing, unread messages change.
      await Promise.all(
        notificationIds.map((notificationId) =>
          conditionally(() =>
            entities.notification
              .patch({ personId, notificationId })
              .set({ readAt: at })
              .where((a, op) => op.notExists(a.readAt))
              .go(),
          ),
        ),
      );
    },
    async recordDelivery(personId, notificationId, delivery) {
      await conditionally(() => entities.notification.patch({ personId, notificationId }).set({ delivery }).go());
    },
  };
}
