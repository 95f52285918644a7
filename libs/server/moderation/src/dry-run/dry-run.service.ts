import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, ModeratedContentRegistry, NotFoundError, uuidv7, ValidationError, type HistoricalContent, type Viewer, type AuditActor } from '@commons/server-core';
import { DryRunStatus, type Audience } from '@commons/shared-contracts';
import { ModerationAccess } from '../access/moderation-access';
import { AuditLog } from '../audit/audit-log';
import { evaluate } from '../engine/evaluate';
import { redactCardNumbers } from '../matchers/personal-data';
import type { CompiledPolicy } from '../engine/compile-policy';
import type { RecentPost } from '../policy/author-context';
import { ModerationDryRunEntity, type DryRunRuleCount, type DryRunSample } from '../entities/moderation-dry-run.entity';
import { governingAudience } from '../policies/default-policies';
import { PolicyStore } from '../policies/policy.store';
import type { StartDryRunInput } from '../dto/moderation.inputs';

const DAY_MS = 86_400_000;
const BATCH = 1000;
const SAMPLES_PER_RULE = 3;
/** A RUNNING dry-run whose instance wrote no progress for this long is reported as failed. */
const ABANDONED_AFTER_MS = 2 * 60_000;
const MAX_SAMPLES = 30;

/** One kind's history read in pages, merged with the others by time. */
class HistoryCursor {
  private buffer: HistoricalContent[] = [];
  private done = false;
  private last: { at: Date; id: string } | null = null;

  constructor(private readonly fetch: (after: { at: Date; id: string } | null) => Promise<HistoricalContent[]>) {}

  async peek(): Promise<HistoricalContent | undefined> {
    if (this.buffer.length === 0 && !this.done) {
      this.buffer = await this.fetch(this.last);
      if (this.buffer.length < BATCH) this.done = true;
      const tail = this.buffer.at(-1);
      if (tail) this.last = { at: tail.createdAt, id: tail.id };
    }
    return this.buffer[0];
  }

  take(): void {
    this.buffer.shift();
  }
}

/**
 * Backtests a policy version against a community's last N days: every post is judged as it
 * was written, in time order, with each author's post count and recent posts replayed, so
 * new-member, rate-limit and duplicate rules count as they would have. Runs in the background
 * on the instance that started it, writing progress as it goes; changes no content.
 */
@Injectable()
export class DryRunService {
  private readonly logger = new Logger('DryRun');
  /** Runs in flight in this process (tests and shutdown wait for them). */
  readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccess,
    private readonly store: PolicyStore,
    private readonly registry: ModeratedContentRegistry,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async start(viewer: Viewer, actor: AuditActor, input: StartDryRunInput): Promise<ModerationDryRunEntity> {
    const policy = await this.store.policy(this.dataSource.manager, input.policyId);
    if (!policy) throw new NotFoundError('The policy');
    const communityId = input.communityId ?? policy.communityId;
    if (!communityId) throw ValidationError.field('communityId', 'Choose the community whose history to replay.');
    if (policy.communityId && policy.communityId !== communityId) throw ValidationError.field('communityId', "A community's policy is replayed on that community's history.");
    const loaded = policy.communityId ? await this.access.managerOf(viewer, communityId) : (this.access.assertAdmin(viewer), await this.access.moderatorOf(viewer, communityId));
    if (!(await this.store.versionRow(this.dataSource.manager, policy.id, input.version))) throw ValidationError.field('version', `Version ${input.version} of this policy does not exist.`);
    const now = this.clock.now();
    const since = new Date(now.getTime() - input.days * DAY_MS);
    let total = 0;
    for (const source of this.registry.all()) total += await source.countHistory(this.dataSource.manager, communityId, since, now);
    const run = Object.assign(new ModerationDryRunEntity(), {
      id: uuidv7(now.getTime()),
      policyId: policy.id,
      version: input.version,
      communityId,
      days: input.days,
      status: DryRunStatus.Running,
      total,
      processed: 0,
      held: 0,
      rejected: 0,
      byRule: [],
      samples: [],
      error: null,
      createdById: viewer.accountId,
      createdAt: now,
      finishedAt: null,
      heartbeatAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ModerationDryRunEntity, run);
      await this.audit.record(manager, actor, {
        action: 'policy.dry-run',
        targetKind: 'policy',
        targetId: policy.id,
        communityId,
        after: { dryRunId: run.id, days: input.days, posts: total },
        policy: { policyId: policy.id, version: input.version },
      });
    });
    const job = this.run(run, loaded.community.audiences, since, now).finally(() => this.running.delete(run.id));
    this.running.set(run.id, job);
    return run;
  }

  async get(viewer: Viewer, id: string): Promise<ModerationDryRunEntity> {
    const repository = this.dataSource.getRepository(ModerationDryRunEntity);
    const run = await repository.findOne({ where: { id } });
    if (!run) throw new NotFoundError('The dry-run');
    await this.access.moderatorOf(viewer, run.communityId);
    return this.running.has(run.id) ? run : this.failIfAbandoned(run);
  }

  /**
   * A run is a job in the memory of the instance that started it; when that instance stopped
   * (a deploy, a crash) the run stays RUNNING in the table. Once no progress came for a while
   * it is marked FAILED, so the manager sees it and starts it again instead of waiting forever.
   */
  private async failIfAbandoned(run: ModerationDryRunEntity): Promise<ModerationDryRunEntity> {
    const now = this.clock.now();
    const lastSign = run.heartbeatAt ?? run.createdAt;
    if (run.status !== DryRunStatus.Running || now.getTime() - lastSign.getTime() < ABANDONED_AFTER_MS) return run;
    const failed = { status: DryRunStatus.Failed, error: 'The dry-run stopped when the server running it shut down; start it again.', finishedAt: now };
    // Conditional, so a run that just reported progress elsewhere is left alone.
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ModerationDryRunEntity)
      .set(failed)
      .where('id = :id AND status = :running AND coalesce(heartbeat_at, created_at) = :lastSign', { id: run.id, running: DryRunStatus.Running, lastSign })
      .execute();
    return result.affected ? Object.assign(run, failed) : ((await this.dataSource.getRepository(ModerationDryRunEntity).findOne({ where: { id: run.id } })) ?? run);
  }

  private async run(run: ModerationDryRunEntity, audiences: readonly Audience[], since: Date, until: Date): Promise<void> {
    const repository = this.dataSource.getRepository(ModerationDryRunEntity);
    try {
      const manager = this.dataSource.manager;
      const platform = await this.store.platform(manager);
      const compiled = await this.store.compiled(manager, { policyId: run.policyId, version: run.version }, platform);
      const sources = this.registry.all();
      const postCounts = new Map<string, number>();
      for (const source of sources) for (const [author, n] of await source.postCountsBefore(manager, run.communityId, since)) postCounts.set(author, (postCounts.get(author) ?? 0) + n);
      const members = new Map<string, Date>(
        (await manager.query('SELECT account_id, joined_at FROM community_memberships WHERE community_id = $1', [run.communityId])).map((r: { account_id: string; joined_at: Date }) => [r.account_id, r.joined_at]),
      );
      const audienceOf = new Map<string, Audience>(
        (await manager.query(`SELECT DISTINCT a.id, a.audience FROM accounts a JOIN community_memberships m ON m.account_id = a.id WHERE m.community_id = $1`, [run.communityId])).map(
          (r: { id: string; audience: Audience }) => [r.id, r.audience],
        ),
      );
      const cursors = sources.map((s) => new HistoryCursor((after) => s.history(manager, run.communityId, since, until, after, BATCH)));
      const recent = new Map<string, RecentPost[]>();
      const byRule = new Map<string, DryRunRuleCount>();
      const perRuleSamples = new Map<string, number>();
      let sinceProgress = 0;
      for (;;) {
        let next: { cursor: HistoryCursor; post: HistoricalContent } | null = null;
        for (const cursor of cursors) {
          const post = await cursor.peek();
          if (post && (!next || post.createdAt < next.post.createdAt)) next = { cursor, post };
        }
        if (!next) break;
        next.cursor.take();
        this.judge(compiled, next.post, audiences, { postCounts, members, audienceOf, recent }, run, byRule, perRuleSamples);
        run.processed += 1;
        if (++sinceProgress >= BATCH) {
          sinceProgress = 0;
          run.byRule = [...byRule.values()].sort((a, b) => b.count - a.count);
          await repository.update(run.id, { processed: run.processed, held: run.held, rejected: run.rejected, byRule: run.byRule, samples: run.samples, heartbeatAt: this.clock.now() });
        }
      }
      run.byRule = [...byRule.values()].sort((a, b) => b.count - a.count);
      await repository.update(run.id, {
        status: DryRunStatus.Done,
        processed: run.processed,
        total: Math.max(run.total, run.processed),
        held: run.held,
        rejected: run.rejected,
        byRule: run.byRule,
        samples: run.samples,
        finishedAt: this.clock.now(),
      });
    } catch (error) {
      this.logger.error({ err: error, dryRunId: run.id }, 'A dry-run failed');
      await repository.update(run.id, { status: DryRunStatus.Failed, error: 'The dry-run stopped unexpectedly; start it again.', finishedAt: this.clock.now() }).catch(() => undefined);
    }
  }

  private judge(
    compiled: CompiledPolicy,
    post: HistoricalContent,
    audiences: readonly Audience[],
    state: { postCounts: Map<string, number>; members: Map<string, Date>; audienceOf: Map<string, Audience>; recent: Map<string, RecentPost[]> },
    run: ModerationDryRunEntity,
    byRule: Map<string, DryRunRuleCount>,
    perRuleSamples: Map<string, number>,
  ): void {
    const lookback = compiled.requirements.lookbackSeconds * 1000;
    const recent = (state.recent.get(post.authorId) ?? []).filter((r) => post.createdAt.getTime() - r.at.getTime() < lookback);
    const decision = evaluate(
      compiled,
      { kind: post.kind, title: post.title, body: post.body, isEdit: false },
      {
        now: post.createdAt,
        authorAudience: state.audienceOf.get(post.authorId) ?? 'EMPLOYEE',
        communityAudience: governingAudience(audiences),
        postsInCommunity: state.postCounts.get(post.authorId) ?? 0,
        memberSince: state.members.get(post.authorId) ?? null,
        recentPosts: recent,
        // Past posts are judged as if their authors had acknowledged what a rule requires: acknowledgement history is not replayed.
        acknowledgedGuidelines: compiled.requirements.guidelines,
      },
    );
    if (lookback > 0) state.recent.set(post.authorId, [...recent, { at: post.createdAt, fingerprint: decision.fingerprint }]);
    // A held post would usually have been approved and counted; a rejected one never is.
    if (decision.action !== 'REJECT') state.postCounts.set(post.authorId, (state.postCounts.get(post.authorId) ?? 0) + 1);
    if (decision.action === 'HOLD') run.held += 1;
    if (decision.action === 'REJECT') run.rejected += 1;
    for (const match of decision.matched) {
      if (match.action === 'ALLOW') continue;
      const count = byRule.get(match.ruleId) ?? { ruleId: match.ruleId, action: match.action, count: 0 };
      count.count += 1;
      byRule.set(match.ruleId, count);
    }
    if (decision.action !== 'ALLOW' && decision.ruleId && run.samples.length < MAX_SAMPLES && (perRuleSamples.get(decision.ruleId) ?? 0) < SAMPLES_PER_RULE) {
      perRuleSamples.set(decision.ruleId, (perRuleSamples.get(decision.ruleId) ?? 0) + 1);
      const sample: DryRunSample = {
        contentKind: post.kind,
        contentId: post.id,
        action: decision.action,
        ruleId: decision.ruleId,
        reason: decision.reason,
        // Card numbers never reach a report.
        excerpt: redactCardNumbers(((post.title ? `${post.title}: ` : '') + post.body).slice(0, 200)),
        createdAt: post.createdAt.toISOString(),
      };
      run.samples.push(sample);
    }
  }
}
