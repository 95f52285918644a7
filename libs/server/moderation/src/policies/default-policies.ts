import { Audience, PolicyScope, type Audience as AudienceType } from '@commons/shared-contracts';
import type { PolicySettings, Rule } from '../policy/policy.types';

export interface DefaultPolicy {
  scope: PolicyScope;
  audience: AudienceType | null;
  name: string;
  rules: Rule[];
  settings: PolicySettings;
}

// What a new platform starts with. Admins edit them like any policy (a new version each time);
// these are only written when a platform has none.

/** Mandatory everywhere: communities may tighten these rules, never loosen them. */
const platform: DefaultPolicy = {
  scope: PolicyScope.Platform,
  audience: null,
  name: 'Platform rules',
  settings: { flagsToAutoHide: 3 },
  rules: [
    { id: 'size', kind: 'SIZE', action: 'REJECT', mandatory: true, reason: 'Posts are limited to 50,000 characters; split it into several.', maxBodyChars: 50_000 },
    {
      id: 'profanity',
      kind: 'BLOCKED_TERMS',
      action: 'HOLD',
      mandatory: true,
      reason: 'Your post contains language a moderator will look at before it is published.',
      note: 'The obscenity English list.',
      terms: [],
      profanity: true,
    },
    { id: 'flood', kind: 'RATE_LIMIT', action: 'REJECT', mandatory: true, reason: 'You are posting very fast; wait a minute and try again.', maxPosts: 60, windowSeconds: 60 },
    {
      id: 'repeats',
      kind: 'DUPLICATE',
      action: 'HOLD',
      mandatory: true,
      reason: 'You posted this text several times; a moderator will look at it first.',
      maxCopies: 5,
      windowSeconds: 600,
    },
  ],
};

const employee: DefaultPolicy = {
  scope: PolicyScope.AudienceDefault,
  audience: Audience.Employee,
  name: 'Employee communities',
  settings: { flagsToAutoHide: 3 },
  rules: [{ id: 'shouting', kind: 'SHOUTING', action: 'HOLD', reason: 'Please do not write in capitals; a moderator will look at your post first.', minLetters: 40, maxUppercaseShare: 0.8 }],
};

/** Customers and partners are outside the company: their first posts and personal data get a look first. */
const external = (audience: AudienceType, name: string): DefaultPolicy => ({
  scope: PolicyScope.AudienceDefault,
  audience,
  name,
  settings: { flagsToAutoHide: 2 },
  rules: [
    { id: 'first-posts', kind: 'NEW_MEMBER', action: 'HOLD', reason: 'Your first post here is checked by a moderator before it is published.', firstPosts: 1 },
    {
      id: 'personal-data',
      kind: 'PERSONAL_DATA',
      action: 'HOLD',
      reason: 'Your post seems to contain personal data (an e-mail address or phone number); a moderator will check it first.',
      detect: ['EMAIL', 'PHONE'],
    },
    { id: 'card-numbers', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'Never post payment card numbers.', detect: ['PAYMENT_CARD'] },
    { id: 'new-member-links', kind: 'LINKS', action: 'HOLD', reason: 'Links from new members are checked by a moderator first.', match: 'ANY', onlyNewMembers: { postsBelow: 3 } },
  ],
});

export const DEFAULT_POLICIES: readonly DefaultPolicy[] = [platform, employee, external(Audience.Customer, 'Customer communities'), external(Audience.Partner, 'Partner communities')];

/**
 * The audience whose default policy a community gets: the most external one it serves, since
 * a community open to customers must be held to the customer rules even if employees are in it too.
 */
export function governingAudience(audiences: readonly AudienceType[]): AudienceType {
  if (audiences.includes(Audience.Customer)) return Audience.Customer;
  if (audiences.includes(Audience.Partner)) return Audience.Partner;
  return Audience.Employee;
}
