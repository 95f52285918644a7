import type { Viewer } from '@commons/server-core';
import type { CommunityAccess } from '@commons/server-communities';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { GuidelineAction, guidelineRules, type GuidelineResource } from './guideline-access';

const viewer = (role: PlatformRole, audience: Audience = Audience.Employee): Viewer => ({ accountId: 'a', sessionId: 's', role, audience });
const access = (role: CommunityAccess['role']): CommunityAccess => ({
  communityId: 'c',
  audiences: [Audience.Employee],
  visibility: 'OPEN' as CommunityAccess['visibility'],
  lifecycle: 'ACTIVE' as CommunityAccess['lifecycle'],
  role,
  joinedAt: role ? new Date() : null,
  banned: false,
  inCohort: false,
  invited: false,
});
const platform: GuidelineResource = { audiences: [Audience.Employee], communityId: null, community: null };
const ofCommunity = (role: CommunityAccess['role']): GuidelineResource => ({ audiences: [Audience.Employee], communityId: 'c', community: access(role) });
const narrowedTo = (role: CommunityAccess['role']): GuidelineResource => ({ ...platform, community: access(role) });
const can = (action: string, actor: Viewer, resource: GuidelineResource) => (guidelineRules[action] as (a: Viewer, r: unknown) => boolean)(actor, resource);

describe('guideline rules', () => {
  const member = viewer(PlatformRole.Member);
  const coe = viewer(PlatformRole.Coe);
  const steering = viewer(PlatformRole.Steering);
  const customer = viewer(PlatformRole.Member, Audience.Customer);

  it('lets its audience read a platform-wide guideline, and the programme team and steering whatever their audience', () => {
    expect(can(GuidelineAction.Read, member, platform)).toBe(true);
    expect(can(GuidelineAction.Read, customer, platform)).toBe(false);
    expect(can(GuidelineAction.Read, viewer(PlatformRole.Coe, Audience.Partner), platform)).toBe(true);
    expect(can(GuidelineAction.Read, steering, { ...platform, audiences: [Audience.Customer] })).toBe(true);
  });

  it('leaves platform-wide guidelines to the programme team and a community’s to its managers too', () => {
    expect(can(GuidelineAction.Manage, coe, platform)).toBe(true);
    expect(can(GuidelineAction.Manage, steering, platform)).toBe(false);
    expect(can(GuidelineAction.Manage, member, narrowedTo('MANAGER'))).toBe(false);
    expect(can(GuidelineAction.Manage, member, ofCommunity('MANAGER'))).toBe(true);
    expect(can(GuidelineAction.Manage, member, ofCommunity('MODERATOR'))).toBe(false);
    expect(can(GuidelineAction.Manage, member, ofCommunity('MEMBER'))).toBe(false);
  });

  it('shows compliance to the programme team, steering and community managers for their members; reminders without steering', () => {
    for (const action of [GuidelineAction.SeeCompliance, GuidelineAction.Remind]) {
      expect(can(action, coe, platform)).toBe(true);
      expect(can(action, member, platform)).toBe(false);
      expect(can(action, member, narrowedTo('MANAGER'))).toBe(true);
      expect(can(action, member, narrowedTo('MEMBER'))).toBe(false);
      expect(can(action, member, narrowedTo(null))).toBe(false);
    }
    expect(can(GuidelineAction.SeeCompliance, steering, platform)).toBe(true);
    expect(can(GuidelineAction.Remind, steering, platform)).toBe(false);
  });
});
