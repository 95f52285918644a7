import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, GuidelineAcknowledgements, NotFoundError, uuidv7, ValidationError, type Viewer, type AuditActor } from '@commons/server-core';
import { CommunityAction } from '@commons/server-communities';
import { PolicyScope } from '@commons/shared-contracts';
import { ModerationAccess } from '../access/moderation-access';
import { AuditLog } from '../audit/audit-log';
import { compilePolicy } from '../engine/compile-policy';
import { ModerationService } from '../gate/moderation.service';
import { assertNoLoosening } from '../policy/mandatory-rules';
import { RuleKind, type PolicyVersion, type Rule } from '../policy/policy.types';
import { ModerationPolicyEntity } from '../entities/moderation-policy.entity';
import { ModerationPolicyVersionEntity } from '../entities/moderation-policy-version.entity';
import { governingAudience } from './default-policies';
import { PolicyStore } from './policy.store';
import { People } from '../review/people';
import { ReviewQueueService } from '../review/review-queue.service';
import type { SavePolicyVersionInput, TestModerationTextInput } from '../dto/moderation.inputs';
import type { CommunityModerationType, DecisionType, PolicyType, PolicyVersionType, RuleType } from '../dto/moderation.types';

const YEAR_MS = 365 * 86_400_000;

/** A rule as the API returns it (the stored JSON with `mandatory` spelled out). */
const toRuleType = (rule: Rule): RuleType => ({ ...(rule as unknown as RuleType), mandatory: rule.mandatory === true });

/** A rule from the form: nulls (fields of other kinds) dropped, so the stored JSON holds only what the kind uses. */
function cleanRule(input: object): Rule {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, strip(v)]));
    }
    return value;
  };
  return strip(input) as Rule;
}

/**
 * Policies as managers and admins see and change them: a community adopts a policy (a copy of
 * its audience default), edits it into new versions (checked, and never looser than the
 * platform's mandatory rules), tests text against any version, and activates one.
 */
@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PolicyStore,
    private readonly access: ModerationAccess,
    private readonly gate: ModerationService,
    private readonly guidelines: GuidelineAcknowledgements,
    private readonly queue: ReviewQueueService,
    private readonly audit: AuditLog,
    private readonly people: People,
    private readonly clock: Clock,
  ) {}

  async communityModeration(viewer: Viewer, communityId: string): Promise<CommunityModerationType> {
    const loaded = await this.access.moderatorOf(viewer, communityId);
    const applicable = await this.store.applicable(this.dataSource.manager, communityId, loaded.community.audiences);
    const governing = this.store.governing(applicable);
    const platform = await this.store.version(this.dataSource.manager, applicable.platform.id, applicable.platform.activeVersion as number);
    return {
      communityId,
      communityName: loaded.community.name,
      adopted: applicable.own !== null,
      policy: await this.toPolicyType(applicable.own ?? governing),
      platformRules: platform.rules.filter((r) => r.mandatory === true).map(toRuleType),
      pendingCount: await this.queue.pendingCount(communityId),
      viewerCan: { moderate: true, managePolicy: this.access.can(viewer, CommunityAction.Manage, loaded) },
    };
  }

  async platformPolicies(viewer: Viewer): Promise<PolicyType[]> {
    this.access.assertAdmin(viewer);
    return Promise.all((await this.store.platformAndDefaults()).map((p) => this.toPolicyType(p)));
  }

  /** The community's own policy, starting as a copy of its audience default's active version. */
  async adopt(viewer: Viewer, actor: AuditActor, communityId: string): Promise<PolicyType> {
    const loaded = await this.access.managerOf(viewer, communityId);
    const now = this.clock.now();
    const policy = await this.dataSource.transaction(async (manager) => {
      const applicable = await this.store.applicable(manager, communityId, loaded.community.audiences);
      if (applicable.own) throw new ConflictError('This community already has its own policy.');
      const base = await this.store.version(manager, applicable.audienceDefault.id, applicable.audienceDefault.activeVersion as number);
      const row = Object.assign(new ModerationPolicyEntity(), {
        id: uuidv7(now.getTime()),
        scope: PolicyScope.Community,
        name: `${loaded.community.name} policy`,
        audience: governingAudience(loaded.community.audiences),
        communityId,
        activeVersion: 1,
        latestVersion: 1,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(ModerationPolicyEntity, row);
      await manager.insert(ModerationPolicyVersionEntity, {
        policyId: row.id,
        version: 1,
        rules: base.rules,
        settings: base.settings ?? {},
        note: `Adopted from "${applicable.audienceDefault.name}" version ${base.version}.`,
        createdById: viewer.accountId,
        createdAt: now,
      });
      await this.audit.record(manager, actor, {
        action: 'policy.adopt',
        targetKind: 'policy',
        targetId: row.id,
        communityId,
        after: { basedOn: `${applicable.audienceDefault.id}@${base.version}` },
        policy: { policyId: row.id, version: 1 },
      });
      return row;
    });
    return this.toPolicyType(policy);
  }

  /** Saves the rules as the next version: validated, compiled (patterns probed), and for a community policy no looser than the platform's. */
  async saveVersion(viewer: Viewer, actor: AuditActor, input: SavePolicyVersionInput): Promise<PolicyVersionType> {
    const policy = await this.authorizedPolicy(viewer, input.policyId);
    const now = this.clock.now();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = (await this.store.policy(manager, policy.id, true)) as ModerationPolicyEntity;
      const version: PolicyVersion = {
        policyId: row.id,
        version: row.latestVersion + 1,
        // Only the platform policy marks rules mandatory; a community's rules never are.
        rules: input.rules.map((r) => cleanRule({ ...r, mandatory: row.scope === PolicyScope.Platform ? r.mandatory === true : undefined })),
        settings: { flagsToAutoHide: input.flagsToAutoHide ?? null },
      };
      const compiled = compilePolicy(version);
      // A rule naming no guideline would refuse every post: its key must name one.
      for (const rule of compiled.source.rules) {
        if (rule.kind === RuleKind.GuidelineAcknowledgement && !(await this.guidelines.reference(manager, rule.guideline))) {
          throw ValidationError.field(`rules.${rule.id}.guideline`, `No guideline has the key "${rule.guideline}".`);
        }
      }
      if (row.scope !== PolicyScope.Platform) {
        const platform = await this.store.platform(manager);
        assertNoLoosening(await this.store.version(manager, platform.id, platform.activeVersion as number), compiled.source);
      }
      const entity = Object.assign(new ModerationPolicyVersionEntity(), {
        policyId: row.id,
        version: version.version,
        rules: compiled.source.rules,
        settings: version.settings ?? {},
        note: input.note,
        createdById: viewer.accountId,
        createdAt: now,
      });
      await manager.insert(ModerationPolicyVersionEntity, entity);
      await manager.update(ModerationPolicyEntity, row.id, { latestVersion: version.version, updatedAt: now, ...(input.activate ? { activeVersion: version.version } : {}) });
      await this.audit.record(manager, actor, {
        action: 'policy.save',
        targetKind: 'policy',
        targetId: row.id,
        communityId: row.communityId,
        before: { version: row.latestVersion },
        after: { version: version.version, rules: compiled.source.rules.map((r) => r.id) },
        reason: input.note || null,
        policy: { policyId: row.id, version: version.version },
      });
      if (input.activate) await this.recordActivation(manager, actor, row, version.version);
      return { entity, active: input.activate ? version.version : row.activeVersion };
    });
    const names = await this.people.names(this.dataSource.manager, [viewer.accountId]);
    return this.toVersionType(saved.entity, saved.active, names);
  }

  async activate(viewer: Viewer, actor: AuditActor, policyId: string, version: number): Promise<PolicyType> {
    const policy = await this.authorizedPolicy(viewer, policyId);
    await this.dataSource.transaction(async (manager) => {
      const row = (await this.store.policy(manager, policy.id, true)) as ModerationPolicyEntity;
      if (!(await this.store.versionRow(manager, row.id, version))) throw ValidationError.field('version', `Version ${version} of this policy does not exist.`);
      if (row.activeVersion === version) return;
      await manager.update(ModerationPolicyEntity, row.id, { activeVersion: version, updatedAt: this.clock.now() });
      await this.recordActivation(manager, actor, row, version);
    });
    return this.toPolicyType((await this.store.policy(this.dataSource.manager, policyId)) as ModerationPolicyEntity);
  }

  /** "Test this text": the decision a version (the one in force by default) would make, recording nothing. */
  async test(viewer: Viewer, input: TestModerationTextInput): Promise<DecisionType> {
    const loaded = await this.access.moderatorOf(viewer, input.communityId);
    const manager = this.dataSource.manager;
    const applicable = await this.store.applicable(manager, input.communityId, loaded.community.audiences);
    let ref = { policyId: this.store.governing(applicable).id, version: this.store.governing(applicable).activeVersion as number };
    if (input.policyId) {
      const allowed = [applicable.platform.id, applicable.audienceDefault.id, applicable.own?.id].filter(Boolean);
      if (!allowed.includes(input.policyId)) throw new NotFoundError('The policy');
      const policy = (await this.store.policy(manager, input.policyId)) as ModerationPolicyEntity;
      ref = { policyId: policy.id, version: input.version ?? policy.latestVersion };
      if (!(await this.store.versionRow(manager, ref.policyId, ref.version))) throw ValidationError.field('version', `Version ${ref.version} of this policy does not exist.`);
    }
    const compiled = await this.store.compiled(manager, ref, applicable.platform);
    const now = this.clock.now();
    const decision = this.gate.judge(
      compiled,
      { kind: input.kind, title: input.title ?? null, body: input.body },
      {
        now,
        authorAudience: viewer.audience,
        communityAudience: governingAudience(loaded.community.audiences),
        postsInCommunity: input.asNewMember ? 0 : 1000,
        memberSince: input.asNewMember ? now : new Date(now.getTime() - YEAR_MS),
        recentPosts: [],
        acknowledgedGuidelines: await this.guidelines.acknowledged(manager, viewer.accountId),
      },
    );
    return { id: null, action: decision.action, ruleId: decision.ruleId, reason: decision.reason, matched: decision.matched, policyId: ref.policyId, policyVersion: ref.version, createdAt: null };
  }

  /** The policy, if the viewer may change it: a community's by its managers, the platform's and defaults by admins. */
  async authorizedPolicy(viewer: Viewer, policyId: string): Promise<ModerationPolicyEntity> {
    const policy = await this.store.policy(this.dataSource.manager, policyId);
    if (!policy) throw new NotFoundError('The policy');
    if (policy.communityId) await this.access.managerOf(viewer, policy.communityId);
    else this.access.assertAdmin(viewer, 'Only platform admins change the platform rules and audience defaults.');
    return policy;
  }

  private async recordActivation(manager: EntityManager, actor: AuditActor, row: ModerationPolicyEntity, version: number) {
    await this.audit.record(manager, actor, {
      action: 'policy.activate',
      targetKind: 'policy',
      targetId: row.id,
      communityId: row.communityId,
      before: { activeVersion: row.activeVersion },
      after: { activeVersion: version },
      policy: { policyId: row.id, version },
    });
  }

  async toPolicyType(policy: ModerationPolicyEntity): Promise<PolicyType> {
    const versions = await this.store.versions(policy.id);
    const names = await this.people.names(this.dataSource.manager, versions.map((v) => v.createdById));
    return {
      id: policy.id,
      scope: policy.scope,
      name: policy.name,
      audience: policy.audience,
      communityId: policy.communityId,
      activeVersion: policy.activeVersion,
      latestVersion: policy.latestVersion,
      versions: versions.map((v) => this.toVersionType(v, policy.activeVersion, names)),
    };
  }

  private toVersionType(v: ModerationPolicyVersionEntity, activeVersion: number | null, names: Map<string, string>): PolicyVersionType {
    return {
      policyId: v.policyId,
      version: v.version,
      rules: v.rules.map(toRuleType),
      flagsToAutoHide: v.settings?.flagsToAutoHide ?? null,
      note: v.note,
      createdBy: v.createdById ? this.people.person(names, v.createdById) : null,
      createdAt: v.createdAt,
      active: v.version === activeVersion,
    };
  }
}
