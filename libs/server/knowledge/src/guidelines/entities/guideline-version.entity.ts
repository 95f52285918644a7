import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One version of a guideline. A draft (published_at null) is the next version being written; at
 * most one per guideline. Published versions never change.
 */
@Entity('guideline_versions')
@Index('guideline_versions_number', ['guidelineId', 'number'], { unique: true })
@Index('guideline_versions_one_draft', ['guidelineId'], { unique: true, where: '"published_at" IS NULL' })
export class GuidelineVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'guideline_id' })
  guidelineId: string;

  @Column('int')
  number: number;

  /** Markdown as written. */
  @Column('text')
  body: string;

  /** Sanitized HTML rendered from body (the posts' renderer). */
  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('text', { name: 'change_note', default: '' })
  changeNote: string;

  /** Material: asks everyone in the audience to acknowledge again. Editorial: does not. Set when published. */
  @Column('boolean', { default: false })
  material: boolean;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('uuid', { name: 'published_by_id', nullable: true })
  publishedById: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
