import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotificationKind, NotificationTargetKind } from '../notification-kinds';

/**
 * One thing a person is told: made by the notification consumer from domain events, once,
 * whatever the number of API instances. It holds ids only; what it is about (titles, names) is
 * read when it is shown, through the access the reader has then.
 */
@Entity('notifications')
// A person's list, newest change first (keyset over updated_at, id).
@Index('notifications_recipient', ['recipientId', 'updatedAt', 'id'])
// Unread notifications gather by group (reactions to one post) and are counted for the top bar.
@Index('notifications_unread_group', ['recipientId', 'groupKey'], { unique: true, where: 'read_at IS NULL' })
// Read or not, the same post never notifies the same person twice (a reply approved after being hidden).
@Index('notifications_group', ['recipientId', 'groupKey'])
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column({ type: 'enum', enum: NotificationTargetKind, enumName: 'notification_target_kind', name: 'target_kind' })
  targetKind: NotificationTargetKind;

  /** The thread, reply, blog post, comment, moderation notice, invitation or join request. */
  @Column('uuid', { name: 'target_id' })
  targetId: string;

  /** Who did it, latest first (the first few only). */
  @Column('uuid', { name: 'actor_ids', array: true, default: '{}' })
  actorIds: string[];

  /** How many people did it in all ("Ana and 4 others"). */
  @Column('int', { name: 'actor_count', default: 0 })
  actorCount: number;

  /** Notifications with the same key are one while unread (`reaction:<post>`), and a post's key is never notified twice. */
  @Column('text', { name: 'group_key' })
  groupKey: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  /** When it last gathered someone new; the list's order. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;
}
