import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContentKind } from '@commons/shared-contracts';
import type { RuleAction, RuleMatch, WhitelistedFinding } from '../policy/policy.types';

/**
 * What the policy decided about one write: every creation and edit gets one, rejections
 * included (their attempt is kept here, not in the content tables). Never changed once stored.
 */
@Entity('moderation_decisions')
// The author's recent posts in a community (rate limits, duplicates) and their history in the queue.
// No index leads with the community: the planner, which cannot know how many decisions the last
// minutes hold, would pick it for an author's recent posts and read a busy community's whole window.
@Index('moderation_decisions_author', ['authorId', 'communityId', 'createdAt'])
@Index('moderation_decisions_content', ['contentId'])
export class ModerationDecisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('text', { name: 'content_kind' })
  contentKind: ContentKind;

  /** The post it is about; for a rejection, the id the post would have had. */
  @Column('uuid', { name: 'content_id' })
  contentId: string;

  @Column('boolean', { name: 'is_edit' })
  isEdit: boolean;

  @Column('text')
  action: RuleAction;

  @Column('text', { name: 'rule_id', nullable: true })
  ruleId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb')
  matched: RuleMatch[];

  @Column('jsonb')
  whitelisted: WhitelistedFinding[];

  @Column('uuid', { name: 'policy_id' })
  policyId: string;

  @Column('int', { name: 'policy_version' })
  policyVersion: number;

  @Column('uuid', { name: 'platform_policy_id', nullable: true })
  platformPolicyId: string | null;

  @Column('int', { name: 'platform_policy_version', nullable: true })
  platformPolicyVersion: number | null;

  /** Normalised-text fingerprint, for duplicate detection. */
  @Column('text')
  fingerprint: string;

  /** REJECT only: what the author tried to post, so an appeal can be judged (and publish it when overturned). */
  @Column('jsonb', { nullable: true })
  attempt: object | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
