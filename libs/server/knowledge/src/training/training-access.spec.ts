import { Audience, CommunityLifecycle, CommunityRole, CommunityVisibility, PlatformRole } from '@commons/shared-contracts';
import type { CommunityAccess } from '@commons/server-communities';
import { TrainingAction, trainingRules, type CourseFacts } from './training-access';
import { CourseState } from './training-states';

const viewer = (role: PlatformRole, audience: Audience = Audience.Employee) => ({ accountId: 'a1', sessionId: 's1', role, audience });
const course = (facts: Partial<CourseFacts> = {}) => ({
  facts: { state: CourseState.Published, audiences: [Audience.Employee], inTargetGroup: true, enrolled: false, ...facts },
});
const community = (role: CommunityAccess['role']): CommunityAccess => ({
  communityId: 'c1',
  audiences: [Audience.Employee],
  visibility: CommunityVisibility.Open,
  lifecycle: CommunityLifecycle.Active,
  role,
  joinedAt: role ? new Date() : null,
  banned: false,
  inCohort: false,
  invited: false,
});
const rule = (action: string) => trainingRules[action] as (actor: ReturnType<typeof viewer>, resource?: unknown) => boolean;

describe('training rules', () => {
  it('lets the programme team manage courses, nobody else', () => {
    expect(rule(TrainingAction.Manage)(viewer(PlatformRole.Coe))).toBe(true);
    expect(rule(TrainingAction.Manage)(viewer(PlatformRole.Member))).toBe(false);
    expect(rule(TrainingAction.Manage)(viewer(PlatformRole.Steering))).toBe(false);
  });

  it('shows a published course to its audience in its target group, its learners, and drafts to the programme team only', () => {
    const read = rule(TrainingAction.ReadCourse);
    expect(read(viewer(PlatformRole.Member), course())).toBe(true);
    expect(read(viewer(PlatformRole.Member, Audience.Customer), course())).toBe(false);
    expect(read(viewer(PlatformRole.Member, Audience.Customer), course({ audiences: [Audience.Customer] }))).toBe(true);
    expect(read(viewer(PlatformRole.Member), course({ inTargetGroup: false }))).toBe(false);
    expect(read(viewer(PlatformRole.Member), course({ inTargetGroup: false, enrolled: true }))).toBe(true);
    expect(read(viewer(PlatformRole.Member), course({ state: CourseState.Draft, enrolled: true }))).toBe(false);
    expect(read(viewer(PlatformRole.Coe), course({ state: CourseState.Draft }))).toBe(true);
  });

  it('lets people enrol once in courses of their catalogue', () => {
    const enrol = rule(TrainingAction.Enrol);
    expect(enrol(viewer(PlatformRole.Member), course())).toBe(true);
    expect(enrol(viewer(PlatformRole.Member), course({ enrolled: true }))).toBe(false);
    expect(enrol(viewer(PlatformRole.Member), course({ state: CourseState.Archived }))).toBe(false);
  });

  it('lets community managers assign and read reports within their community; steering reads every report', () => {
    for (const action of [TrainingAction.Assign, TrainingAction.ReadReports]) {
      expect(rule(action)(viewer(PlatformRole.Member), { access: community(CommunityRole.Manager) })).toBe(true);
      expect(rule(action)(viewer(PlatformRole.Member), { access: community(CommunityRole.Member) })).toBe(false);
      expect(rule(action)(viewer(PlatformRole.Member), { access: null })).toBe(false);
      expect(rule(action)(viewer(PlatformRole.Coe), { access: null })).toBe(true);
    }
    expect(rule(TrainingAction.ReadReports)(viewer(PlatformRole.Steering), { access: null })).toBe(true);
    expect(rule(TrainingAction.Assign)(viewer(PlatformRole.Steering), { access: null })).toBe(false);
  });
});
