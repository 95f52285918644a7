import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EmailDigest } from '../notification-kinds';

/** A person's notification choices; someone without a row gets every in-app notification and no e-mail. */
@Entity('notification_preferences')
// The digest run looks for people whose digest is due.
@Index('notification_preferences_digest', ['emailDigest', 'lastDigestAt'], { where: `email_digest <> 'NONE'` })
export class NotificationPreferencesEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  /** Replies to your threads and posts, comments on your blog posts, accepted answers. */
  @Column('boolean', { default: true })
  replies: boolean;

  @Column('boolean', { default: true })
  mentions: boolean;

  @Column('boolean', { default: true })
  reactions: boolean;

  /** New posts in threads, categories and tags you follow. */
  @Column('boolean', { default: true })
  followed: boolean;

  /** Invitations, join requests and their decisions. */
  @Column('boolean', { default: true })
  communities: boolean;

  @Column({ type: 'enum', enum: EmailDigest, enumName: 'notification_email_digest', name: 'email_digest', default: EmailDigest.NONE })
  emailDigest: EmailDigest;

  /** Until when the last digest covered (the next one covers what came after). */
  @Column('timestamptz', { name: 'last_digest_at', nullable: true })
  lastDigestAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
