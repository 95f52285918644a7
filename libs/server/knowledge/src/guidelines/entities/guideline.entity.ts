import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AUDIENCES, type Audience } from '@commons/shared-contracts';

/**
 * A guideline people acknowledge: the social-media policy, a community's guidelines, the
 * confidentiality rules. Its `key` is what moderation policies name; the current and required
 * versions are kept here so the moderation gate reads acknowledgements in one statement.
 */
@Entity('guidelines')
@Index('guidelines_community', ['communityId'])
@Index('guidelines_title_order', ['sortTitle', 'id'])
export class GuidelineEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('guidelines_key_unique', { unique: true })
  @Column('text')
  key: string;

  @Column('text')
  title: string;

  /** Lower-cased title: the list's keyset sort key. */
  @Column('text', { name: 'sort_title' })
  sortTitle: string;

  @Column({ type: 'enum', enum: AUDIENCES, enumName: 'audience', array: true })
  audiences: Audience[];

  /** A community's own guidelines (managed by its managers); null: platform-wide, managed by the programme team. */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  /** The latest published version (what readers see). */
  @Column('uuid', { name: 'current_version_id', nullable: true })
  currentVersionId: string | null;

  /** The latest material version: what everyone in the audience must have acknowledged (or a later version). */
  @Column('uuid', { name: 'required_version_id', nullable: true })
  requiredVersionId: string | null;

  @Column('int', { name: 'required_number', nullable: true })
  requiredNumber: number | null;

  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
