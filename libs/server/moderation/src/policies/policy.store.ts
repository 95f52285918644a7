import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from '@commons/server-core';
import { PolicyScope, type Audience } from '@commons/shared-contracts';
import { PolicyCache } from '../engine/policy-cache';
import type { CompiledPolicy } from '../engine/compile-policy';
import { mergeWithMandatory } from '../policy/mandatory-rules';
import type { PolicyRef, PolicyVersion } from '../policy/policy.types';
import { ModerationPolicyEntity } from '../entities/moderation-policy.entity';
import { ModerationPolicyVersionEntity } from '../entities/moderation-policy-version.entity';
import { DEFAULT_POLICIES, governingAudience } from './default-policies';

/** The policies that apply to one community, as stored. */
export interface ApplicablePolicies {
  platform: ModerationPolicyEntity;
  /** The community's own policy, when it adopted one (it governs once it has an active version). */
  own: ModerationPolicyEntity | null;
  audienceDefault: ModerationPolicyEntity;
}

/** The policy a community's writes are judged by: the governing policy's active version with the platform's mandatory rules in. */
export interface EffectivePolicy {
  compiled: CompiledPolicy;
  governing: ModerationPolicyEntity;
  platform: ModerationPolicyEntity;
}

/**
 * Policies and their immutable versions. Compiled versions are cached per process by
 * (policy, version, platform version); a write reads only which versions are active (one
 * small statement) and compiles nothing unless a version is new to this process.
 */
@Injectable()
export class PolicyStore {
  /** Versions are probed for slow patterns when saved; compiling for writes skips the probes. */
  readonly cache = new PolicyCache(200, { probePatterns: false });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the platform and audience defaults a new platform lacks (safe on every start and on several instances). */
  async ensureDefaults(now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const policy of DEFAULT_POLICIES) {
        const id = uuidv7(now.getTime());
        const inserted: Array<{ id: string }> = await manager.query(
          `INSERT INTO moderation_policies (id, scope, name, audience, community_id, active_version, latest_version, created_at, updated_at)
           VALUES ($1, $2, $3, $4, NULL, 1, 1, $5, $5) ON CONFLICT DO NOTHING RETURNING id`,
          [id, policy.scope, policy.name, policy.audience, now],
        );
        if (inserted.length === 0) continue;
        await manager.insert(ModerationPolicyVersionEntity, {
          policyId: id,
          version: 1,
          rules: policy.rules,
          settings: policy.settings,
          note: 'The platform default.',
          createdById: null,
          createdAt: now,
        });
      }
    });
  }

  /**
   * The platform, audience-default and community policy rows as one JSON array, for a statement
   * of its own (`applicable`) or inside a write's author-facts statement, which then checks the
   * policy it assumed without a statement more. `community` and `audience` are placeholders ($n).
   */
  applicableJson(community: string, audience: string): string {
    return `(SELECT coalesce(json_agg(json_build_object('id', p.id, 'scope', p.scope, 'name', p.name, 'audience', p.audience, 'communityId', p.community_id,
                    'activeVersion', p.active_version, 'latestVersion', p.latest_version, 'createdAt', p.created_at, 'updatedAt', p.updated_at)), '[]'::json)
               FROM moderation_policies p
              WHERE p.scope = '${PolicyScope.Platform}' OR (p.scope = '${PolicyScope.AudienceDefault}' AND p.audience = ${audience}) OR p.community_id = ${community})`;
  }

  /** The rows read by `applicableJson`, sorted into their roles. */
  applicableFrom(json: Array<Omit<ModerationPolicyEntity, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string }>): ApplicablePolicies {
    const rows = json.map((r) => Object.assign(new ModerationPolicyEntity(), r, { createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
    const platform = rows.find((r) => r.scope === PolicyScope.Platform);
    const audienceDefault = rows.find((r) => r.scope === PolicyScope.AudienceDefault);
    if (!platform || !audienceDefault) throw new Error('The default moderation policies are missing (PolicyStore.ensureDefaults runs at start).');
    return { platform, audienceDefault, own: rows.find((r) => r.scope === PolicyScope.Community) ?? null };
  }

  /** Platform, audience default and the community's own policy rows, in one statement. */
  async applicable(manager: EntityManager, communityId: string, audiences: readonly Audience[]): Promise<ApplicablePolicies> {
    const [row] = await manager.query(`SELECT ${this.applicableJson('$1', '$2')} AS policies`, [communityId, governingAudience(audiences)]);
    return this.applicableFrom(row.policies);
  }

  /** The community's own policy when it has an active version, else its audience's default. */
  governing(applicable: ApplicablePolicies): ModerationPolicyEntity {
    return applicable.own && applicable.own.activeVersion !== null ? applicable.own : applicable.audienceDefault;
  }

  async effective(manager: EntityManager, communityId: string, audiences: readonly Audience[]): Promise<EffectivePolicy> {
    return this.effectiveOf(manager, await this.applicable(manager, communityId, audiences));
  }

  /** The effective policy of rows already read (compiling only a version new to this process). */
  async effectiveOf(manager: EntityManager, applicable: ApplicablePolicies): Promise<EffectivePolicy> {
    const governing = this.governing(applicable);
    const compiled = await this.compiled(manager, { policyId: governing.id, version: governing.activeVersion as number }, applicable.platform);
    return { compiled, governing, platform: applicable.platform };
  }

  /** A version with the platform's active mandatory rules merged in, compiled (cached). */
  async compiled(manager: EntityManager, ref: PolicyRef, platform: ModerationPolicyEntity): Promise<CompiledPolicy> {
    const platformRef = { policyId: platform.id, version: platform.activeVersion as number };
    const isPlatform = ref.policyId === platform.id;
    const key = isPlatform ? ref : { ...ref, basedOn: platformRef };
    const hit = this.cache.get(key);
    if (hit) return hit;
    const own = await this.version(manager, ref.policyId, ref.version);
    if (isPlatform) return this.cache.compile(own);
    const platformVersion = await this.version(manager, platformRef.policyId, platformRef.version);
    return this.cache.compile(mergeWithMandatory(platformVersion, own).policy);
  }

  async version(manager: EntityManager, policyId: string, version: number): Promise<PolicyVersion> {
    const row = await manager.findOne(ModerationPolicyVersionEntity, { where: { policyId, version } });
    if (!row) throw new Error(`Policy version ${policyId}@${version} is missing.`);
    return { policyId, version, rules: row.rules, settings: row.settings };
  }

  async versionRow(manager: EntityManager, policyId: string, version: number): Promise<ModerationPolicyVersionEntity | null> {
    return manager.findOne(ModerationPolicyVersionEntity, { where: { policyId, version } });
  }

  async versions(policyId: string): Promise<ModerationPolicyVersionEntity[]> {
    return this.dataSource.getRepository(ModerationPolicyVersionEntity).find({ where: { policyId }, order: { version: 'DESC' } });
  }

  async policy(manager: EntityManager, policyId: string, lock = false): Promise<ModerationPolicyEntity | null> {
    return manager.findOne(ModerationPolicyEntity, { where: { id: policyId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async platform(manager: EntityManager): Promise<ModerationPolicyEntity> {
    return manager.findOneOrFail(ModerationPolicyEntity, { where: { scope: PolicyScope.Platform } });
  }

  async platformAndDefaults(): Promise<ModerationPolicyEntity[]> {
    return this.dataSource.getRepository(ModerationPolicyEntity).createQueryBuilder('p').where('p.community_id IS NULL').orderBy('p.scope', 'DESC').addOrderBy('p.audience').getMany();
  }
}
