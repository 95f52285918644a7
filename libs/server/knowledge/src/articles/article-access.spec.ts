import type { Viewer } from '@commons/server-core';
import type { CommunityAccess } from '@commons/server-communities';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { ArticleAction, articleRules, type ArticleResource } from './article-access';

const viewer = (accountId: string, role: PlatformRole = PlatformRole.Member, audience: Audience = Audience.Employee): Viewer => ({ accountId, sessionId: 's', role, audience });
const access = (role: CommunityAccess['role'], visibility: CommunityAccess['visibility'] = 'PRIVATE'): CommunityAccess => ({
  communityId: 'c',
  audiences: [Audience.Employee],
  visibility,
  lifecycle: 'ACTIVE',
  role,
  joinedAt: role ? new Date() : null,
  banned: false,
  inCohort: false,
  invited: false,
});
const can = (action: string, actor: Viewer, resource: ArticleResource) => articleRules[action](actor, resource);

describe('article rules', () => {
  const platform: ArticleResource = { access: null, ownerIds: ['owner'], reviewerIds: ['reviewer'], sharedExternally: false };

  it('lets employees read platform-wide articles, and customers only those shared with them', () => {
    expect(can(ArticleAction.Read, viewer('e'), platform)).toBe(true);
    expect(can(ArticleAction.Read, viewer('x', PlatformRole.Member, Audience.Customer), platform)).toBe(false);
    expect(can(ArticleAction.Read, viewer('x', PlatformRole.Member, Audience.Partner), { ...platform, sharedExternally: true })).toBe(true);
  });

  it('gives platform-wide publishing to the programme team, editing to owners, reviewing to reviewers', () => {
    expect(can(ArticleAction.Publish, viewer('coe', PlatformRole.Coe), platform)).toBe(true);
    expect(can(ArticleAction.Publish, viewer('owner'), platform)).toBe(false);
    expect(can(ArticleAction.Edit, viewer('owner'), platform)).toBe(true);
    expect(can(ArticleAction.Edit, viewer('reviewer'), platform)).toBe(false);
    expect(can(ArticleAction.Review, viewer('reviewer'), platform)).toBe(true);
    expect(can(ArticleAction.Review, viewer('owner'), platform)).toBe(false);
    expect(can(ArticleAction.ReadDraft, viewer('e'), platform)).toBe(false);
  });

  it("follows the community's rules for community articles", () => {
    expect(can(ArticleAction.Manage, viewer('m'), { access: access('MANAGER') })).toBe(true);
    expect(can(ArticleAction.Manage, viewer('coe', PlatformRole.Coe), { access: access(null) })).toBe(false);
    expect(can(ArticleAction.Read, viewer('member'), { access: access('MEMBER') })).toBe(true);
    expect(can(ArticleAction.Read, viewer('outsider'), { access: access(null) })).toBe(false);
    // An owner who can no longer read the community loses the draft too.
    expect(can(ArticleAction.Edit, viewer('owner'), { access: access(null), ownerIds: ['owner'] })).toBe(false);
  });
});
