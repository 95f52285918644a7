import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';
import {
  AUDIENCES,
  COMMUNITY_LIFECYCLES,
  COMMUNITY_VISIBILITIES,
  SOCIAL_INTENTS,
  USE_CASES,
  type Audience,
  type CommunityLifecycle,
  type CommunityVisibility,
  type SocialIntent,
  type UseCase,
} from '@commons/shared-contracts';

@Entity('communities')
@Index('communities_directory_order', ['sortName', 'id'])
export class CommunityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('communities_slug_key', { unique: true })
  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  /** Lower-cased name: the directory's keyset sort key and its search target. */
  @Column('text', { name: 'sort_name' })
  sortName: string;

  @Column('text', { default: '' })
  description: string;

  /** Markdown; rendered and sanitized on the way out. */
  @Column('text', { default: '' })
  charter: string;

  @Column({ type: 'enum', enum: AUDIENCES, enumName: 'audience', array: true })
  audiences: Audience[];

  @Column({ type: 'enum', enum: COMMUNITY_VISIBILITIES, enumName: 'community_visibility' })
  visibility: CommunityVisibility;

  @Column({ type: 'enum', enum: SOCIAL_INTENTS, enumName: 'social_intent' })
  intent: SocialIntent;

  @Column('text', { name: 'intent_statement', default: '' })
  intentStatement: string;

  @Column({ type: 'enum', enum: USE_CASES, enumName: 'use_case', array: true, name: 'use_cases' })
  useCases: UseCase[];

  @Column({ type: 'enum', enum: COMMUNITY_LIFECYCLES, enumName: 'community_lifecycle' })
  lifecycle: CommunityLifecycle;

  /** Where a restore returns an archived community to. */
  @Column({ type: 'enum', enum: COMMUNITY_LIFECYCLES, enumName: 'community_lifecycle', name: 'lifecycle_before_archive', nullable: true })
  lifecycleBeforeArchive: CommunityLifecycle | null;

  @Index('communities_owner')
  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: AccountEntity;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;
}
