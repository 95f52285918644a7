import { Injectable } from '@nestjs/common';
import { PlatformRole } from '@commons/shared-contracts';
import type { Viewer } from '../context/viewer';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';

/**
 * A rule answers one question: may this actor do this action (to this resource)?
 * Rules are pure and synchronous; what they need about the resource travels with it.
 */
export type AuthorizationRule = (actor: Viewer, resource: unknown) => boolean;

/** Rules that need no resource and are shared by every domain. */
export const PlatformAction = {
  /** Any signed-in account. */
  SignedIn: 'platform:signed-in',
  /** Organisation-wide adoption metrics: the steering committee and admins. */
  ReadOrganisationMetrics: 'platform:read-organisation-metrics',
  /** Platform settings, roles, invites. */
  Administer: 'platform:administer',
} as const;

/**
 * The one place that decides permissions. Domains register their rules at start-up;
 * guards, field middleware and services all ask `can` / `assert`, never decide alone.
 * Anonymous actors are refused every rule: public fields are marked public instead.
 */
@Injectable()
export class AuthorizationService {
  private readonly rules = new Map<string, AuthorizationRule>([
    [PlatformAction.SignedIn, () => true],
    [PlatformAction.ReadOrganisationMetrics, (a) => a.role === PlatformRole.Steering || a.role === PlatformRole.Admin],
    [PlatformAction.Administer, (a) => a.role === PlatformRole.Admin],
  ]);

  registerRules(rules: Record<string, AuthorizationRule>): void {
    for (const [action, rule] of Object.entries(rules)) {
      if (this.rules.has(action)) throw new Error(`Authorization rule "${action}" is registered twice`);
      this.rules.set(action, rule);
    }
  }

  has(action: string): boolean {
    return this.rules.has(action);
  }

  can(actor: Viewer | null, action: string, resource?: unknown): boolean {
    const rule = this.rules.get(action);
    // An unknown action is a programming error; failing closed keeps it from leaking data.
    if (!rule) throw new Error(`No authorization rule named "${action}"`);
    return actor !== null && rule(actor, resource);
  }

  /** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN for refused ones. */
  assert(actor: Viewer | null, action: string, resource?: unknown): asserts actor is Viewer {
    if (actor === null) {
      if (!this.rules.has(action)) throw new Error(`No authorization rule named "${action}"`);
      throw new UnauthenticatedError();
    }
    if (!this.can(actor, action, resource)) throw new ForbiddenError();
  }
}
