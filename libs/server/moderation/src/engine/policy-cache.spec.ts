import type { PolicyVersion } from '../policy/policy.types';
import { aPolicy } from '../testing/fixtures';
import { PolicyCache, policyCacheKey } from './policy-cache';

const version = (policyId: string, v: number): PolicyVersion =>
  aPolicy([{ id: 'terms', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'r', terms: ['Acme'] }], { policyId, version: v });

describe('PolicyCache', () => {
  it('compiles a version once and serves it from the cache afterwards', () => {
    const cache = new PolicyCache(10);
    const load = jest.fn(() => version('p', 1));
    const first = cache.getOrCompile({ policyId: 'p', version: 1 }, load);
    const second = cache.getOrCompile({ policyId: 'p', version: 1 }, load);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.getOrCompile({ policyId: 'p', version: 2 }, () => version('p', 2))).not.toBe(first);
  });

  it('evicts the least recently used version', () => {
    const cache = new PolicyCache(2);
    const a = cache.compile(version('a', 1));
    cache.compile(version('b', 1));
    expect(cache.get({ policyId: 'a', version: 1 })).toBe(a);
    cache.compile(version('c', 1));
    expect(cache.size).toBe(2);
    expect(cache.get({ policyId: 'b', version: 1 })).toBeUndefined();
    expect(cache.get({ policyId: 'a', version: 1 })).toBe(a);
  });

  it('keys merged policies by both versions', () => {
    expect(policyCacheKey({ policyId: 'c', version: 3, basedOn: { policyId: 'platform', version: 9 } })).toBe('c@3+platform@9');
    const cache = new PolicyCache();
    const merged = cache.compile({ ...version('c', 3), basedOn: { policyId: 'platform', version: 9 } });
    expect(cache.get({ policyId: 'c', version: 3 })).toBeUndefined();
    expect(cache.get({ policyId: 'c', version: 3, basedOn: { policyId: 'platform', version: 9 } })).toBe(merged);
  });

  it('does not cache a version that fails to compile, nor a loaded version that is not the one asked for', () => {
    const cache = new PolicyCache();
    const broken = aPolicy([{ id: 'bad', kind: 'PATTERN', action: 'HOLD', reason: 'r', pattern: '(' }], { policyId: 'x', version: 1 });
    expect(() => cache.compile(broken)).toThrow('Rule "bad"');
    expect(cache.size).toBe(0);
    expect(() => cache.getOrCompile({ policyId: 'p', version: 1 }, () => version('p', 2))).toThrow('Loaded policy p@2 for p@1');
  });
});
