import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DryRunStatus } from '@commons/shared-contracts';

export interface DryRunRuleCount {
  ruleId: string;
  action: string;
  count: number;
}

export interface DryRunSample {
  contentKind: string;
  contentId: string;
  action: string;
  ruleId: string | null;
  reason: string | null;
  excerpt: string;
  createdAt: string;
}

/** A policy version judged against a community's recent history, in the background, changing nothing. */
@Entity('moderation_dry_runs')
export class ModerationDryRunEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'policy_id' })
  policyId: string;

  @Column('int')
  version: number;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('int')
  days: number;

  @Column('text')
  status: DryRunStatus;

  @Column('int')
  total: number;

  @Column('int')
  processed: number;

  @Column('int')
  held: number;

  @Column('int')
  rejected: number;

  @Column('jsonb', { name: 'by_rule' })
  byRule: DryRunRuleCount[];

  @Column('jsonb')
  samples: DryRunSample[];

  @Column('text', { nullable: true })
  error: string | null;

  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  /** Written with every progress update by the instance running it: a run left RUNNING without one for long died with its instance. */
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true })
  heartbeatAt: Date | null;
}
