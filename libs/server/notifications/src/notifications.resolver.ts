import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, eachEventItsOwnRequest } from '@commons/server-graphql';
import { MarkNotificationsReadArgs, NotificationPreferencesInput, NotificationsArgs } from './dto/notification.inputs';
import { NotificationConnection, NotificationPreferencesType, NotificationsChangeType, NotificationType } from './dto/notification.types';
import { NotificationsFeed } from './notifications-feed';
import { NotificationsService } from './notifications.service';

/** The viewer's own notifications; every rule is in NotificationsService. */
@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly feed: NotificationsFeed,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest change first.' })
  @Authorize(PlatformAction.SignedIn)
  notifications(@CurrentViewer() viewer: Viewer, @Args() args: NotificationsArgs) {
    return this.service.page(viewer, args);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the top bar’s count).' })
  @Authorize(PlatformAction.SignedIn)
  unreadNotificationCount(@CurrentViewer() viewer: Viewer) {
    return this.service.unreadCount(viewer);
  }

  @Mutation(() => Int, { description: 'Marks these notifications of yours read; returns your unread count. NOT_FOUND when one is not yours.' })
  @Authorize(PlatformAction.SignedIn)
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args() args: MarkNotificationsReadArgs) {
    return this.service.markRead(viewer, args.ids);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns your unread count.' })
  @Authorize(PlatformAction.SignedIn)
  markAllNotificationsRead(@CurrentViewer() viewer: Viewer) {
    return this.service.markAllRead(viewer);
  }

  @Query(() => NotificationPreferencesType)
  @Authorize(PlatformAction.SignedIn)
  notificationPreferences(@CurrentViewer() viewer: Viewer) {
    return this.service.preferences(viewer);
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Changes the preferences given; the others stay as they are.' })
  @Authorize(PlatformAction.SignedIn)
  updateNotificationPreferences(@CurrentViewer() viewer: Viewer, @Args('input') input: NotificationPreferencesInput) {
    return this.service.updatePreferences(viewer, input);
  }

  @Subscription(() => NotificationsChangeType, {
    description: 'Your notifications, live: first your unread count, then the count and the newest notification whenever they change.',
    resolve: eachEventItsOwnRequest,
  })
  @Authorize(PlatformAction.SignedIn)
  notificationsChanged(@CurrentViewer() viewer: Viewer): AsyncIterator<NotificationsChangeType> {
    return this.feed.follow(viewer);
  }
}
