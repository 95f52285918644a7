import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One moderation or administrative action. Append-only: the migration installs a trigger that
 * refuses UPDATE, DELETE and TRUNCATE, and revokes those privileges, so the application cannot
 * alter what it recorded.
 */
@Entity('audit_log')
@Index('audit_log_time', ['at', 'id'])
@Index('audit_log_community', ['communityId', 'at', 'id'])
@Index('audit_log_actor', ['actorId', 'at'])
@Index('audit_log_target', ['targetId', 'at'])
export class AuditLogEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz')
  at: Date;

  /** Null when the platform acted by itself (a policy decision). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** e.g. 'policy.activate', 'queue.approve', 'sanction.impose', 'content.reject'. */
  @Column('text')
  action: string;

  @Column('text', { name: 'target_kind' })
  targetKind: string;

  @Column('uuid', { name: 'target_id', nullable: true })
  targetId: string | null;

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('jsonb', { nullable: true })
  before: object | null;

  @Column('jsonb', { nullable: true })
  after: object | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId: string | null;

  @Column('int', { name: 'policy_version', nullable: true })
  policyVersion: number | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;
}
