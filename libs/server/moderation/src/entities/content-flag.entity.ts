import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContentKind, FlagReason } from '@commons/shared-contracts';

/** A member's flag on a post; one per member and post. */
@Entity('content_flags')
@Index('content_flags_once', ['contentId', 'flaggerId'], { unique: true })
@Index('content_flags_community', ['communityId', 'createdAt'])
export class ContentFlagEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('text', { name: 'content_kind' })
  contentKind: ContentKind;

  @Column('uuid', { name: 'content_id' })
  contentId: string;

  @Column('uuid', { name: 'flagger_id' })
  flaggerId: string;

  @Column('text')
  reason: FlagReason;

  @Column('text')
  detail: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
