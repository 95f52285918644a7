import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PolicySettings, Rule } from '../policy/policy.types';

/** One version of a policy's rules, as saved. Never changed once stored (a trigger refuses UPDATE and DELETE). */
@Entity('moderation_policy_versions')
export class ModerationPolicyVersionEntity {
  @PrimaryColumn('uuid', { name: 'policy_id' })
  policyId: string;

  @PrimaryColumn('int')
  version: number;

  @Column('jsonb')
  rules: Rule[];

  @Column('jsonb')
  settings: PolicySettings;

  /** What the editor said about the change. */
  @Column('text')
  note: string;

  @Column('uuid', { name: 'created_by_id', nullable: true })
  createdById: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
