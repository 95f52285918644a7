export { NotificationsModule, notificationEntities } from './notifications.module';
export { NotificationsService } from './notifications.service';
export { EmailDigests } from './digest/email-digests';
export { EMAIL_MAX_ATTEMPTS, EmailSender } from './digest/email-sender';
export { renderDigest, escapeHtml } from './digest/digest-email';
export { NotificationKind, NotificationTargetKind, EmailDigest, NOTIFICATION_CHANGED } from './notification-kinds';
export { READS_COMMUNITY_SQL } from './recipient-rules';
