import { Injectable } from '@nestjs/common';
import { Audience } from '@commons/shared-contracts';
import type { Viewer } from '@commons/server-core';

/** An SQL condition on an `accounts` alias, with its named parameters. */
export interface AccountScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Builds the condition for one viewer; `alias` names the accounts table in the query. */
export type AccountScope = (viewer: Viewer, alias: string) => AccountScopeCondition;

/**
 * Which accounts a viewer may see. Employees are the host organisation and see everyone.
 * Customers and partners see themselves plus whatever the registered scope allows: the
 * communities domain registers "members of communities you can read", so an employee-only
 * community's people stay invisible to them. Without a scope they see only themselves.
 */
@Injectable()
export class AccountVisibility {
  private externalScope: AccountScope | null = null;

  register(scope: AccountScope): void {
    if (this.externalScope) throw new Error('An account scope is registered twice');
    this.externalScope = scope;
  }

  /** The condition to add to any query that lists or looks up accounts for `viewer`; null when unrestricted. */
  conditionFor(viewer: Viewer, alias: string): AccountScopeCondition | null {
    if (viewer.audience === Audience.Employee) return null;
    const self = { sql: `${alias}.id = :scopeViewerId`, params: { scopeViewerId: viewer.accountId } };
    if (!this.externalScope) return self;
    const scope = this.externalScope(viewer, alias);
    return { sql: `(${self.sql} OR ${scope.sql})`, params: { ...self.params, ...scope.params } };
  }
}
