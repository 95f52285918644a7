import type { Page } from 'playwright-core';
import { graphqlAs } from './browser';

/** A rule as a manager saves it through the API. */
export interface RuleInput {
  id: string;
  kind: string;
  action: string;
  reason: string;
  terms?: string[];
}

const RULE_FIELDS = `id kind action reason note scope { contentKinds communityAudiences authorAudiences } terms profanity pattern flags detect allowedEmailDomains phoneMinDigits
  match domains onlyNewMembers { postsBelow membershipDaysBelow } firstPosts maxPosts windowSeconds maxCopies minLength maxBodyChars minBodyChars maxTitleChars minLetters maxUppercaseShare guideline`;

interface Policy {
  id: string;
  latestVersion: number;
  versions: Array<{ version: number; rules: Array<Record<string, unknown>> }>;
}

/** A rule as the API answered it, as the API takes it back: set fields only (platform-only "mandatory" left out). */
function asInput(rule: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value;
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, clean(v)]);
      return Object.fromEntries(entries);
    }
    return value;
  };
  const { mandatory: _mandatory, ...rest } = rule;
  return clean(rest) as Record<string, unknown>;
}

/** The community's id, by its address, as the page's account sees it. */
export async function communityId(page: Page, slug: string): Promise<string> {
  const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query ($slug: String!) { community(slug: $slug) { id } }', { slug });
  return community.id;
}

/**
 * As a manager of the community (the page's account): adopts its policy if needed and saves
 * and activates a new version with `rule` added (replacing a rule with the same id).
 */
export async function activateRule(page: Page, slug: string, rule: RuleInput, note: string): Promise<void> {
  const id = await communityId(page, slug);
  const read = async () =>
    (
      await graphqlAs<{ communityModeration: { adopted: boolean; policy: Policy } }>(
        page,
        `query ($id: ID!) { communityModeration(communityId: $id) { adopted policy { id latestVersion versions { version rules { ${RULE_FIELDS} } } } } }`,
        { id },
      )
    ).communityModeration;
  let moderation = await read();
  if (!moderation.adopted) {
    await graphqlAs(page, 'mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }', { id });
    moderation = await read();
  }
  const latest = moderation.policy.versions.find((v) => v.version === moderation.policy.latestVersion);
  const rules = [...(latest?.rules ?? []).filter((r) => r['id'] !== rule.id).map(asInput), rule];
  await graphqlAs(page, 'mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version active } }', {
    input: { policyId: moderation.policy.id, rules, note, activate: true },
  });
}
