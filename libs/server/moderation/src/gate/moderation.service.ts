import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Clock,
  ForbiddenError,
  ModeratedContentRegistry,
  ModerationGate,
  PolicyRejectedError,
  uuidv7,
  type ModeratedContent,
  type ModerationOutcome,
  type RejectedAttempt,
} from '@commons/server-core';
import { QueueSource, SanctionKind } from '@commons/shared-contracts';
import { evaluate } from '../engine/evaluate';
import { redactCardNumbers } from '../matchers/personal-data';
import type { CompiledPolicy } from '../engine/compile-policy';
import type { AuthorContext } from '../policy/author-context';
import type { Decision } from '../policy/policy.types';
import { AuditLog, PLATFORM_ACTOR } from '../audit/audit-log';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { enqueue } from '../review/enqueue';
import { governingAudience } from '../policies/default-policies';
import { PolicyStore, type EffectivePolicy } from '../policies/policy.store';
import { GuidelineAcknowledgements } from './guideline-acknowledgements';

/** The decision row of a rejection, carried in PolicyRejectedError until the transaction is gone. */
interface RejectionRecord {
  decision: ModerationDecisionEntity;
  attempt: RejectedAttempt;
}

/**
 * The moderation gate: every content write calls `evaluate` inside its transaction. It judges
 * the post by the community's effective policy (a pure function of content, author context and
 * policy version), records the decision, queues held posts, and refuses rejected ones.
 */
@Injectable()
export class ModerationService extends ModerationGate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyStore,
    private readonly registry: ModeratedContentRegistry,
    private readonly audit: AuditLog,
    private readonly guidelines: GuidelineAcknowledgements,
    private readonly clock: Clock,
  ) {
    super();
  }

  async evaluate(manager: EntityManager, content: ModeratedContent): Promise<ModerationOutcome> {
    const now = this.clock.now();
    const effective = await this.policies.effective(manager, content.communityId, content.communityAudiences);
    const facts = await this.authorFacts(manager, content, effective.compiled, now);
    if (facts.mutedUntil) {
      throw new ForbiddenError(`You are muted in this community until ${facts.mutedUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
    }
    const context: AuthorContext = {
      now,
      authorAudience: content.author.audience,
      communityAudience: governingAudience(content.communityAudiences),
      postsInCommunity: facts.posts,
      memberSince: content.memberSince,
      recentPosts: facts.recent,
      acknowledgedGuidelines: effective.compiled.requirements.guidelines.length > 0 ? await this.guidelines.acknowledged(manager, content.author.accountId) : [],
    };
    const decision = evaluate(effective.compiled, { kind: content.kind, title: content.title, body: content.body, isEdit: content.isEdit }, context);
    const row = this.decisionRow(content, decision, effective, now);

    if (decision.action === 'REJECT') {
      const attempt: RejectedAttempt = {
        contentId: content.contentId,
        authorId: content.author.accountId,
        communityId: content.communityId,
        title: content.title,
        body: content.body,
        placement: content.placement ?? {},
      };
      // A card number is never stored, not even in a rejected attempt.
      attempt.body = redactCardNumbers(attempt.body);
      if (attempt.title) attempt.title = redactCardNumbers(attempt.title);
      row.attempt = { ...attempt };
      const record: RejectionRecord = { decision: row, attempt };
      throw new PolicyRejectedError(decision.ruleId ?? '', decision.reason ?? '', record, row.id);
    }

    await manager.insert(ModerationDecisionEntity, row);
    if (decision.action === 'HOLD') {
      // A held post joins the queue; an edit of a post already pending keeps its one item.
      await enqueue(manager, { communityId: content.communityId, contentKind: content.kind, contentId: content.contentId, authorId: content.author.accountId, source: QueueSource.Policy, decisionId: row.id }, now);
      await this.audit.record(manager, PLATFORM_ACTOR, {
        action: 'content.hold',
        targetKind: content.kind,
        targetId: content.contentId,
        communityId: content.communityId,
        reason: decision.reason,
        after: { ruleId: decision.ruleId, matched: decision.matched.map((m) => m.ruleId), authorId: content.author.accountId },
        policy: { policyId: row.policyId, version: row.policyVersion },
      });
      return { state: 'HELD', decisionId: row.id, reason: decision.reason };
    }
    return { state: 'VISIBLE', decisionId: row.id, reason: null };
  }

  /** Keeps a rejected attempt (decision and audit entry) once the write's transaction has rolled back. */
  async recordRejection(error: PolicyRejectedError): Promise<void> {
    const { decision } = error.attempt as RejectionRecord;
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ModerationDecisionEntity, decision);
      await this.audit.record(manager, PLATFORM_ACTOR, {
        action: 'content.reject',
        targetKind: decision.contentKind,
        targetId: decision.id,
        communityId: decision.communityId,
        reason: decision.reason,
        after: { ruleId: decision.ruleId, matched: decision.matched.map((m) => m.ruleId), authorId: decision.authorId },
        policy: { policyId: decision.policyId, version: decision.policyVersion },
      });
    });
  }

  /** Judges text without storing anything (the policy editor's "test this text", and the dry-run). */
  judge(policy: CompiledPolicy, content: { kind: string; title: string | null; body: string }, context: AuthorContext): Decision {
    return evaluate(policy, { kind: content.kind, title: content.title, body: content.body, isEdit: false }, context);
  }

  private decisionRow(content: ModeratedContent, decision: Decision, effective: EffectivePolicy, now: Date): ModerationDecisionEntity {
    const based = decision.policyVersion.basedOn;
    return Object.assign(new ModerationDecisionEntity(), {
      id: uuidv7(now.getTime()),
      communityId: content.communityId,
      authorId: content.author.accountId,
      contentKind: content.kind,
      contentId: content.contentId,
      isEdit: content.isEdit,
      action: decision.action,
      ruleId: decision.ruleId,
      reason: decision.reason,
      matched: decision.matched,
      whitelisted: decision.whitelisted,
      policyId: decision.policyVersion.policyId,
      policyVersion: decision.policyVersion.version,
      platformPolicyId: based?.policyId ?? (effective.governing.id === effective.platform.id ? null : effective.platform.id),
      platformPolicyVersion: based?.version ?? null,
      fingerprint: decision.fingerprint,
      attempt: null,
      createdAt: now,
    });
  }

  /**
   * What the policy needs to know about the author, in one statement: accepted posts (counted
   * only up to the largest threshold any rule has), recent creations within the longest window,
   * and an active mute.
   */
  private async authorFacts(manager: EntityManager, content: ModeratedContent, policy: CompiledPolicy, now: Date) {
    const { needsPostCount, postCountBelow, lookbackSeconds } = policy.requirements;
    const params: unknown[] = [content.author.accountId, content.communityId, now];
    const posts =
      needsPostCount && postCountBelow > 0
        ? `(SELECT count(*)::int FROM (${this.registry
            .all()
            .map((s) => `(${s.visiblePostsSql} LIMIT ${Number(postCountBelow)})`)
            .join(' UNION ALL ')}) counted)`
        : '0';
    let recent = `'[]'::json`;
    if (lookbackSeconds > 0) {
      params.push(new Date(now.getTime() - lookbackSeconds * 1000), content.contentId);
      recent = `(SELECT coalesce(json_agg(json_build_object('at', d.created_at, 'fingerprint', d.fingerprint)), '[]'::json)
                   FROM moderation_decisions d
                  WHERE d.author_id = $1 AND d.community_id = $2 AND NOT d.is_edit AND d.created_at > $4 AND d.content_id <> $5)`;
    }
    const [row]: Array<{ posts: number; recent: Array<{ at: string; fingerprint: string }>; muted_until: Date | null }> = await manager.query(
      `SELECT ${posts} AS posts, ${recent} AS recent,
              (SELECT max(s.ends_at) FROM moderation_sanctions s
                WHERE s.account_id = $1 AND s.community_id = $2 AND s.kind = '${SanctionKind.Mute}' AND s.revoked_at IS NULL AND s.ends_at > $3) AS muted_until`,
      params,
    );
    return {
      posts: row.posts,
      recent: row.recent.map((r) => ({ at: new Date(r.at), fingerprint: r.fingerprint })),
      mutedUntil: row.muted_until,
    };
  }
}
