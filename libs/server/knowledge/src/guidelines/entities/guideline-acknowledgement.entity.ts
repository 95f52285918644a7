import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Someone acknowledged a guideline version. Kept for every version acknowledged (the compliance history). */
@Entity('guideline_acknowledgements')
@Index('guideline_acknowledgements_account', ['accountId', 'guidelineId', 'versionNumber'])
@Index('guideline_acknowledgements_guideline', ['guidelineId', 'versionNumber'])
export class GuidelineAcknowledgementEntity {
  @PrimaryColumn('uuid', { name: 'version_id' })
  versionId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('uuid', { name: 'guideline_id' })
  guidelineId: string;

  /** The version's number: a later version acknowledged covers an earlier required one. */
  @Column('int', { name: 'version_number' })
  versionNumber: number;

  @Column('timestamptz', { name: 'acknowledged_at' })
  acknowledgedAt: Date;
}
