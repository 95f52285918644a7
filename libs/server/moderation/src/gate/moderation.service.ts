import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Clock,
  DomainEvents,
  ForbiddenError,
  GuidelineAcknowledgements,
  ModeratedContentRegistry,
  ModerationGate,
  PLATFORM_ACTOR,
  PolicyRejectedError,
  preparedQuery,
  RidingWrites,
  uuidv7,
  type GuidelineReference,
  type ModeratedContent,
  type ModerationOutcome,
  type RejectedAttempt,
  type RidingRows,
} from '@commons/server-core';
import { QueueSource, SanctionKind } from '@commons/shared-contracts';
import { evaluate } from '../engine/evaluate';
import { redactCardNumbers } from '../matchers/personal-data';
import { contentFingerprint } from '../matchers/fingerprint';
import type { CompiledPolicy } from '../engine/compile-policy';
import type { AuthorContext } from '../policy/author-context';
import { RuleKind, type Decision } from '../policy/policy.types';
import { AuditLog } from '../audit/audit-log';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { enqueue } from '../review/enqueue';
import { governingAudience } from '../policies/default-policies';
import { PolicyStore, type ApplicablePolicies, type EffectivePolicy } from '../policies/policy.store';

/** The decision row of a rejection, carried in PolicyRejectedError until the transaction is gone. */
interface RejectionRecord {
  decision: ModerationDecisionEntity;
  attempt: RejectedAttempt;
}

/** Communities whose last effective policy this process remembers (see `evaluate`). */
const REMEMBERED_COMMUNITIES = 10_000;

/** What the author-facts statement must read for a policy: it is run again when a new version needs more. */
const sameFactsNeeded = (a: CompiledPolicy, b: CompiledPolicy) =>
  a.requirements.needsPostCount === b.requirements.needsPostCount &&
  a.requirements.postCountBelow === b.requirements.postCountBelow &&
  JSON.stringify(a.requirements.recentCounts) === JSON.stringify(b.requirements.recentCounts);

/** Whether rows just read still make `effective` the policy in force. */
function stillInForce(effective: EffectivePolicy, applicable: ApplicablePolicies, policies: PolicyStore): boolean {
  const governing = policies.governing(applicable);
  return governing.id === effective.governing.id && governing.activeVersion === effective.governing.activeVersion && applicable.platform.activeVersion === effective.platform.activeVersion;
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
    private readonly events: DomainEvents,
    private readonly riding: RidingWrites,
    private readonly clock: Clock,
  ) {
    super();
  }

  /**
   * The effective policy each community's last write used, in this process. The next write
   * assumes it, reads the policy rows inside its author-facts statement and only looks again
   * when a version changed: one statement fewer per write, and never a stale decision.
   */
  private readonly lastEffective = new Map<string, EffectivePolicy>();

  /** The guideline a rejecting GUIDELINE_ACKNOWLEDGEMENT rule names (null for any other rule). */
  private async guidelineOf(manager: EntityManager, policy: CompiledPolicy, ruleId: string | null): Promise<GuidelineReference | null> {
    const rule = policy.rules.find((r) => r.rule.id === ruleId)?.rule;
    if (rule?.kind !== RuleKind.GuidelineAcknowledgement) return null;
    return (await this.guidelines.reference(manager, rule.guideline)) ?? { key: rule.guideline, title: rule.guideline, path: `/knowledge/guidelines/${encodeURIComponent(rule.guideline)}` };
  }

  async evaluate(manager: EntityManager, content: ModeratedContent): Promise<ModerationOutcome> {
    const now = this.clock.now();
    const assumed = this.lastEffective.get(content.communityId);
    let effective = assumed ?? (await this.policies.effective(manager, content.communityId, content.communityAudiences));
    let facts = await this.authorFacts(manager, content, effective.compiled, now, assumed !== undefined);
    if (facts.policies && !stillInForce(effective, facts.policies, this.policies)) {
      effective = await this.policies.effectiveOf(manager, facts.policies);
      if (!sameFactsNeeded(effective.compiled, (assumed as EffectivePolicy).compiled)) facts = await this.authorFacts(manager, content, effective.compiled, now, false);
    }
    this.remember(content.communityId, effective);
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
      const guideline = await this.guidelineOf(manager, effective.compiled, decision.ruleId);
      // The author is told which guideline to read and where, so they can acknowledge it and post.
      const reason = guideline ? `${decision.reason ?? ''} Read and acknowledge “${guideline.title}”: ${guideline.path}`.trim() : (decision.reason ?? '');
      const error = new PolicyRejectedError(decision.ruleId ?? '', reason, record, row.id);
      if (guideline) error.details['guideline'] = guideline;
      throw error;
    }

    // Written by the post's own INSERT (or before the commit): no round trip of its own.
    await this.riding.add(manager, decisionRows([row]));
    if (decision.action === 'HOLD') {
      // A held post joins the queue; an edit of a post already pending keeps its one item.
      await enqueue(manager, this.events, { communityId: content.communityId, contentKind: content.kind, contentId: content.contentId, authorId: content.author.accountId, source: QueueSource.Policy, decisionId: row.id }, now);
      await this.audit.record(manager, PLATFORM_ACTOR, {
        action: 'content.hold',
        targetKind: content.kind,
        targetId: content.contentId,
        communityId: content.communityId,
        reason: decision.reason,
        after: { ruleId: decision.ruleId, matched: decision.matched.map((m) => m.ruleId), authorId: content.author.accountId },
        policy: { policyId: row.policyId, version: row.policyVersion },
      });
      await this.events.record(manager, decisionEvent(row));
      return { state: 'HELD', decisionId: row.id, reason: decision.reason };
    }
    return { state: 'VISIBLE', decisionId: row.id, reason: null };
  }

  /** Keeps a rejected attempt (decision and audit entry) once the write's transaction has rolled back. */
  async recordRejection(error: PolicyRejectedError): Promise<void> {
    const { decision } = error.attempt as RejectionRecord;
    await this.dataSource.transaction(async (manager) => {
      await this.riding.add(manager, decisionRows([decision]));
      await this.audit.record(manager, PLATFORM_ACTOR, {
        action: 'content.reject',
        targetKind: decision.contentKind,
        targetId: decision.id,
        communityId: decision.communityId,
        reason: decision.reason,
        after: { ruleId: decision.ruleId, matched: decision.matched.map((m) => m.ruleId), authorId: decision.authorId },
        policy: { policyId: decision.policyId, version: decision.policyVersion },
      });
      await this.events.record(manager, decisionEvent(decision));
    });
  }

  /** Judges text without storing anything (the policy editor's "test this text", and the dry-run). */
  judge(policy: CompiledPolicy, content: { kind: string; title: string | null; body: string }, context: AuthorContext): Decision {
    return evaluate(policy, { kind: content.kind, title: content.title, body: content.body, isEdit: false }, context);
  }

  private remember(communityId: string, effective: EffectivePolicy): void {
    this.lastEffective.delete(communityId);
    this.lastEffective.set(communityId, effective);
    if (this.lastEffective.size > REMEMBERED_COMMUNITIES) this.lastEffective.delete(this.lastEffective.keys().next().value as string);
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
   * an active mute, and with `withPolicies` the community's policy rows, to check the policy
   * the facts were read for is still the one in force.
   */
  private async authorFacts(manager: EntityManager, content: ModeratedContent, policy: CompiledPolicy, now: Date, withPolicies: boolean) {
    const { needsPostCount, postCountBelow, recentCounts } = policy.requirements;
    // $1 author and $2 community are what the sources' visiblePostsSql expects; the rest are bound as needed.
    const params: unknown[] = [content.author.accountId, content.communityId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const posts =
      needsPostCount && postCountBelow > 0
        ? `(SELECT count(*)::int FROM (${this.registry
            .all()
            .map((s) => `(${s.visiblePostsSql} LIMIT ${Number(postCountBelow)})`)
            .join(' UNION ALL ')}) counted)`
        : '0';
    // Only the recent posts the rate-limit and duplicate rules can count, at most each one's
    // limit (the latest): the read stays small however much the author has just posted.
    let recent = `'[]'::json`;
    if (recentCounts.length > 0) {
      const exceptThis = bind(content.contentId);
      const until = bind(now);
      const sameText = recentCounts.some((c) => c.sameText) ? bind(contentFingerprint({ title: content.title, body: content.body })) : '';
      const counted = recentCounts.map(
        (c) => `(SELECT d.id, d.created_at, d.fingerprint FROM moderation_decisions d
                  WHERE d.author_id = $1 AND d.community_id = $2 AND NOT d.is_edit AND d.content_id <> ${exceptThis}
                    AND d.created_at > ${bind(new Date(now.getTime() - c.seconds * 1000))} AND d.created_at <= ${until}${c.sameText ? ` AND d.fingerprint = ${sameText}` : ''}
                  ORDER BY d.created_at DESC LIMIT ${Number(c.limit)})`,
      );
      // UNION, not UNION ALL: a post counted by two rules must appear once.
      recent = `(SELECT coalesce(json_agg(json_build_object('at', r.created_at, 'fingerprint', r.fingerprint)), '[]'::json) FROM (${counted.join(' UNION ')}) r)`;
    }
    const policies = withPolicies ? this.policies.applicableJson('$2', bind(governingAudience(content.communityAudiences))) : 'NULL::json';
    // Prepared: its text repeats for every post under the same policy, and planning it cost as much as running it.
    type FactsRow = { posts: number; recent: Array<{ at: string; fingerprint: string }>; muted_until: Date | null; policies: Parameters<PolicyStore['applicableFrom']>[0] | null };
    const [row] = await preparedQuery<FactsRow>(
      manager,
      `SELECT ${posts} AS posts, ${recent} AS recent,
              (SELECT max(s.ends_at) FROM moderation_sanctions s
                WHERE s.account_id = $1 AND s.community_id = $2 AND s.kind = '${SanctionKind.Mute}' AND s.revoked_at IS NULL AND s.ends_at > ${bind(now)}) AS muted_until,
              ${policies} AS policies`,
      params,
    );
    return {
      posts: row.posts,
      recent: row.recent.map((r) => ({ at: new Date(r.at), fingerprint: r.fingerprint })),
      mutedUntil: row.muted_until,
      policies: row.policies ? this.policies.applicableFrom(row.policies) : null,
    };
  }
}

/**
 * A hold or a rejection, for moderators' live views and the metrics (allowed posts are told
 * by their own creation events, which say they are visible).
 */
function decisionEvent(row: ModerationDecisionEntity) {
  return {
    type: 'moderation.decision.recorded',
    communityId: row.communityId,
    subjectId: row.contentId,
    payload: { decisionId: row.id, action: row.action, ruleId: row.ruleId, contentKind: row.contentKind, authorId: row.authorId, isEdit: row.isEdit },
  };
}

/** Decision rows as plain values: written on every post, where the ORM's insert builder cost more CPU than the statement. */
function decisionRows(rows: readonly ModerationDecisionEntity[]): RidingRows {
  return {
    table: 'moderation_decisions',
    columns: ['id', 'community_id', 'author_id', 'content_kind', 'content_id', 'is_edit', 'action', 'rule_id', 'reason', 'matched', 'whitelisted', 'policy_id', 'policy_version', 'platform_policy_id', 'platform_policy_version', 'fingerprint', 'attempt', 'created_at'],
    rows: rows.map((row) => [
      row.id,
      row.communityId,
      row.authorId,
      row.contentKind,
      row.contentId,
      row.isEdit,
      row.action,
      row.ruleId,
      row.reason,
      JSON.stringify(row.matched),
      JSON.stringify(row.whitelisted),
      row.policyId,
      row.policyVersion,
      row.platformPolicyId,
      row.platformPolicyVersion,
      row.fingerprint,
      row.attempt === null ? null : JSON.stringify(row.attempt),
      row.createdAt,
    ]),
  };
}
