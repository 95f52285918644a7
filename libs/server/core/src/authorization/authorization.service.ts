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

/** An admin did something the rules alone would have refused. */
export interface AdminOverride {
  actor: Viewer;
  action: string;
  resource: unknown;
}

/**
 * The one place that decides permissions. Domains register their rules at start-up;
 * guards, field middleware and services all ask `can` / `assert`, never decide alone.
 * Anonymous actors are refused every rule: public fields are marked public instead.
 * Platform admins may do everything; when a checked action (`assert`) passes only because the
 * actor is an admin, the override listeners hear of it (the moderation audit log records them).
 */
@Injectable()
export class AuthorizationService {
  private readonly rules = new Map<string, AuthorizationRule>([
    [PlatformAction.SignedIn, () => true],
    [PlatformAction.ReadOrganisationMetrics, (a) => a.role === PlatformRole.Steering || a.role === PlatformRole.Admin],
    [PlatformAction.Administer, (a) => a.role === PlatformRole.Admin],
  ]);

  private readonly overrideListeners: Array<(override: AdminOverride) => void> = [];

  registerRules(rules: Record<string, AuthorizationRule>): void {
    for (const [action, rule] of Object.entries(rules)) {
      if (this.rules.has(action)) throw new Error(`Authorization rule "${action}" is registered twice`);
      this.rules.set(action, rule);
    }
  }

  /** Called for every admin override checked with `assert`, synchronously, in the caller's flow. */
  onAdminOverride(listener: (override: AdminOverride) => void): void {
    this.overrideListeners.push(listener);
  }

  has(action: string): boolean {
    return this.rules.has(action);
  }

  can(actor: Viewer | null, action: string, resource?: unknown): boolean {
    const rule = this.rules.get(action);
    // An unknown action is a programming error; failing closed keeps it from leaking data.
    if (!rule) throw new Error(`No authorization rule named "${action}"`);
    if (actor === null) return false;
    return rule(actor, resource) || actor.role === PlatformRole.Admin;
  }

  /** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN for refused ones. */
  assert(actor: Viewer | null, action: string, resource?: unknown): asserts actor is Viewer {
    if (actor === null) {
      if (!this.rules.has(action)) throw new Error(`No authorization rule named "${action}"`);
      throw new UnauthenticatedError();
    }
    const rule = this.rules.get(action);
    if (!rule) throw new Error(`No authorization rule named "${action}"`);
    if (rule(actor, resource)) return;
    if (actor.role !== PlatformRole.Admin) throw new ForbiddenError();
    for (const listener of this.overrideListeners) listener({ actor, action, resource });
  }
}
