import type { AuthorContext } from '../policy/author-context';
import type { Content, PolicyVersion, Rule } from '../policy/policy.types';

export const NOW = new Date('2025-06-02T12:00:00.000Z');

/** An established member of an employee community who acknowledged the guidelines, with no recent posts. */
export function anAuthor(overrides: Partial<AuthorContext> = {}): AuthorContext {
  return {
    now: NOW,
    authorAudience: 'EMPLOYEE',
    communityAudience: 'EMPLOYEE',
    postsInCommunity: 50,
    memberSince: new Date(NOW.getTime() - 365 * 86_400_000),
    recentPosts: [],
    acknowledgedGuidelines: ['social-media'],
    ...overrides,
  };
}

export function aPost(body: string, overrides: Partial<Content> = {}): Content {
  return { kind: 'forum-reply', body, ...overrides };
}

export function aPolicy(rules: Rule[], overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return { policyId: 'community-policy', version: 1, rules, ...overrides };
}

export const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
