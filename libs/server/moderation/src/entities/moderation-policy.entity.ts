import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Audience, PolicyScope } from '@commons/shared-contracts';

/**
 * A named policy: the platform's (its mandatory rules apply everywhere), one default per
 * audience, or a community's own. Its rules live in immutable versions; `activeVersion` is the
 * one writes are judged by (a new version is saved, dry-run, then activated).
 */
@Entity('moderation_policies')
@Index('moderation_policies_community', ['communityId'], { unique: true, where: 'community_id IS NOT NULL' })
@Index('moderation_policies_audience', ['audience'], { unique: true, where: "scope = 'AUDIENCE_DEFAULT'" })
@Index('moderation_policies_platform', ['scope'], { unique: true, where: "scope = 'PLATFORM'" })
export class ModerationPolicyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  scope: PolicyScope;

  @Column('text')
  name: string;

  /** AUDIENCE_DEFAULT: the audience whose communities it serves by default. */
  @Column('text', { nullable: true })
  audience: Audience | null;

  /** COMMUNITY: the community that adopted it. */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('int', { name: 'active_version', nullable: true })
  activeVersion: number | null;

  @Column('int', { name: 'latest_version' })
  latestVersion: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
