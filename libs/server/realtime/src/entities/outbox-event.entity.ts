import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event written in the transaction of the change it reports; the relay publishes it
 * after the commit and stamps `published_at`. Published rows are kept for a while so a client
 * that reconnects can be sent what it missed.
 */
@Entity('outbox_events')
@Index('outbox_events_unpublished', ['seq'], { where: 'published_at IS NULL' })
@Index('outbox_events_subject', ['subjectId', 'seq'])
@Index('outbox_events_community', ['communityId', 'seq'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column('text')
  type: string;

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId: string | null;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
