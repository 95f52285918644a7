import { Audience, PlatformRole } from '@commons/shared-contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import { AuthorizationService, PlatformAction } from './authorization.service';

const viewer = (role: PlatformRole) => ({ accountId: 'a1', sessionId: 's1', role, audience: Audience.Employee });

describe('AuthorizationService', () => {
  const authorization = new AuthorizationService();
  authorization.registerRules({ 'note:edit': (actor, note) => (note as { authorId: string }).authorId === actor.accountId });

  it('lets steering and admins read organisation metrics, not members', () => {
    expect(authorization.can(viewer(PlatformRole.Steering), PlatformAction.ReadOrganisationMetrics)).toBe(true);
    expect(authorization.can(viewer(PlatformRole.Admin), PlatformAction.ReadOrganisationMetrics)).toBe(true);
    expect(authorization.can(viewer(PlatformRole.Member), PlatformAction.ReadOrganisationMetrics)).toBe(false);
  });

  it('refuses anonymous actors every rule', () => {
    expect(authorization.can(null, PlatformAction.SignedIn)).toBe(false);
    expect(() => authorization.assert(null, PlatformAction.SignedIn)).toThrow(UnauthenticatedError);
  });

  it('passes the resource to registered rules', () => {
    expect(authorization.can(viewer(PlatformRole.Member), 'note:edit', { authorId: 'a1' })).toBe(true);
    expect(() => authorization.assert(viewer(PlatformRole.Member), 'note:edit', { authorId: 'b2' })).toThrow(ForbiddenError);
  });

  it('lets admins through every rule and reports the overrides they checked', () => {
    const overrides: string[] = [];
    const audited: AuthorizationService = new AuthorizationService();
    audited.registerRules({ 'note:edit': (actor, note) => (note as { authorId: string }).authorId === actor.accountId });
    audited.onAdminOverride(({ action, actor }) => overrides.push(`${actor.accountId}:${action}`));
    const admin = { ...viewer(PlatformRole.Admin), accountId: 'root' };
    expect(audited.can(admin, 'note:edit', { authorId: 'b2' })).toBe(true);
    expect(overrides).toEqual([]);
    audited.assert(admin, 'note:edit', { authorId: 'b2' });
    // Allowed by the rule itself: nothing to report.
    audited.assert(admin, 'note:edit', { authorId: 'root' });
    expect(overrides).toEqual(['root:note:edit']);
  });

  it('fails closed on unknown actions and refuses duplicate registrations', () => {
    expect(() => authorization.can(viewer(PlatformRole.Admin), 'nothing:here')).toThrow(/No authorization rule/u);
    expect(() => authorization.registerRules({ 'note:edit': () => true })).toThrow(/registered twice/u);
  });
});
