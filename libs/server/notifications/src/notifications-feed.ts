import { Injectable } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import { EventStream, type PublishedEvent } from '@commons/server-realtime';
import type { NotificationsChangeType } from './dto/notification.types';
import { NOTIFICATION_CHANGED } from './notification-kinds';
import { NotificationsService } from './notifications.service';

/**
 * The viewer's own notifications, live: first the unread count as it is, then the count and the
 * newest notification every time they change (made by the consumer, or read in another tab).
 * Each change is authorized for the viewer when it is delivered: the count and the notification
 * are read as they may see them at that moment.
 */
@Injectable()
export class NotificationsFeed {
  constructor(
    private readonly stream: EventStream,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A plain iterator, not an async generator: a generator waiting for the next event cannot be
   * ended until one comes, so an unsubscribed client would stay registered.
   */
  follow(viewer: Viewer): AsyncIterableIterator<NotificationsChangeType> {
    // Watching starts before the first count is read, so no change falls between the two.
    const events = this.stream.watch(viewer.accountId, [NOTIFICATION_CHANGED]);
    let started = false;
    const iterator: AsyncIterableIterator<NotificationsChangeType> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        if (!started) {
          started = true;
          return { value: { unreadCount: await this.notifications.unreadCount(viewer), notification: null }, done: false };
        }
        const event = await events.next();
        if (event.done) return { value: undefined, done: true };
        return { value: await this.changeFor(viewer, event.value), done: false };
      },
      return: async () => {
        await events.return?.();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        await events.return?.();
        throw error;
      },
    };
    return iterator;
  }

  private async changeFor(viewer: Viewer, event: PublishedEvent): Promise<NotificationsChangeType> {
    const id = event.payload['notificationId'];
    const [unreadCount, notification] = await Promise.all([
      this.notifications.unreadCount(viewer),
      typeof id === 'string' ? this.notifications.one(viewer, id) : Promise.resolve(null),
    ]);
    return { unreadCount, notification };
  }
}
