import { Audience, PlatformRole } from '@commons/shared-contracts';
import type { Viewer } from '@commons/server-core';
import { ExpertsAction, expertsRules } from './experts-access';

const viewer = (role: PlatformRole, audience: Audience = Audience.Employee): Viewer => ({ accountId: 'me', sessionId: 's', role, audience });

describe('experts rules', () => {
  it('lets only the programme team name champions', () => {
    const rule = expertsRules[ExpertsAction.NameChampions];
    expect(rule(viewer(PlatformRole.Coe), undefined)).toBe(true);
    expect(rule(viewer(PlatformRole.Admin), undefined)).toBe(true);
    expect(rule(viewer(PlatformRole.Member), undefined)).toBe(false);
    expect(rule(viewer(PlatformRole.Steering), undefined)).toBe(false);
  });

  it('shows a dashboard to its champion while a role lasts, and to the programme team', () => {
    const rule = expertsRules[ExpertsAction.ViewDashboard];
    expect(rule(viewer(PlatformRole.Member), { accountId: 'me', currentChampion: true })).toBe(true);
    expect(rule(viewer(PlatformRole.Member), { accountId: 'me', currentChampion: false })).toBe(false);
    expect(rule(viewer(PlatformRole.Member), { accountId: 'someone', currentChampion: true })).toBe(false);
    expect(rule(viewer(PlatformRole.Member), undefined)).toBe(false);
    expect(rule(viewer(PlatformRole.Coe), { accountId: 'someone', currentChampion: false })).toBe(true);
  });

  it('lets everyone signed in find experts and read champions (answers are filtered in SQL)', () => {
    for (const action of [ExpertsAction.Find, ExpertsAction.ReadChampions, ExpertsAction.DeclareExpertise]) {
      expect(expertsRules[action](viewer(PlatformRole.Member, Audience.Customer), undefined)).toBe(true);
    }
  });
});
