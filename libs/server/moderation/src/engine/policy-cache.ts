import type { PolicyRef, PolicyVersion } from '../policy/policy.types';
import { compilePolicy, type CompiledPolicy, type CompileOptions } from './compile-policy';

/** `policyId@version`, plus `+platformId@version` when mandatory rules were merged in. */
export function policyCacheKey(ref: PolicyRef & { basedOn?: PolicyRef }): string {
  const own = `${ref.policyId}@${ref.version}`;
  return ref.basedOn ? `${own}+${ref.basedOn.policyId}@${ref.basedOn.version}` : own;
}

/**
 * Compiled policies by id and version, least recently used evicted first. Correct because a
 * version never changes once stored (editing makes a new version). One per process; a write
 * does not recompile unless its version fell out of the cache. `options` apply to every compile
 * (e.g. `{ probePatterns: false }` when versions are probed when saved).
 */
export class PolicyCache {
  private readonly entries = new Map<string, CompiledPolicy>();

  constructor(
    readonly capacity = 100,
    private readonly options: CompileOptions = {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('PolicyCache capacity must be a positive integer.');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The compiled version, marked as just used; undefined when not cached. */
  get(ref: PolicyRef & { basedOn?: PolicyRef }): CompiledPolicy | undefined {
    const key = policyCacheKey(ref);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /**
   * The compiled version for `ref`, compiling `load()` on a miss (load only runs then, so the
   * caller can skip reading the JSON when cached). A version that fails to compile is not cached.
   */
  getOrCompile(ref: PolicyRef & { basedOn?: PolicyRef }, load: () => PolicyVersion): CompiledPolicy {
    const hit = this.get(ref);
    if (hit) return hit;
    const version = load();
    if (policyCacheKey(version) !== policyCacheKey(ref)) throw new Error(`Loaded policy ${policyCacheKey(version)} for ${policyCacheKey(ref)}.`);
    const compiled = compilePolicy(version, this.options);
    this.entries.set(policyCacheKey(ref), compiled);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return compiled;
  }

  /** Same as getOrCompile(version, () => version). */
  compile(version: PolicyVersion): CompiledPolicy {
    return this.getOrCompile(version, () => version);
  }

  clear(): void {
    this.entries.clear();
  }
}
