import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunitiesModule } from '@commons/server-communities';
import { EventConsumers } from '@commons/server-realtime';
import { DigestScheduler } from './digest/digest-scheduler';
import { EmailDigests } from './digest/email-digests';
import { EmailSender } from './digest/email-sender';
import { NotificationEmailEntity } from './entities/notification-email.entity';
import { NotificationPreferencesEntity } from './entities/notification-preferences.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationConsumer } from './notification-consumer';
import { NotificationRepository } from './notification.repository';
import { NotificationViews } from './notification-views';
import { NotificationsFeed } from './notifications-feed';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

export const notificationEntities = [NotificationEntity, NotificationPreferencesEntity, NotificationEmailEntity];

/**
 * Stored notifications: made once from domain events by a consumer the outbox relay runs, read
 * by their recipient through the domains' access rules, pushed live, and e-mailed as digests.
 */
@Module({
  imports: [TypeOrmModule.forFeature(notificationEntities), CommunitiesModule],
  providers: [NotificationConsumer, NotificationRepository, NotificationViews, NotificationsService, NotificationsFeed, NotificationsResolver, EmailDigests, EmailSender, DigestScheduler],
  exports: [NotificationsService, EmailDigests, EmailSender],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly consumer: NotificationConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.consumer);
  }
}
