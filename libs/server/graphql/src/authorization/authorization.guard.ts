import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthorizationService } from '@commons/server-core';
import type { GraphqlContext } from '../graphql-context';
import { AUTHORIZATION_METADATA, type FieldAccess } from './authorization.decorators';

/**
 * Runs before every root resolver (query, mutation, subscription): one without @Public or
 * @Authorize is refused (fail closed), so forgetting a rule cannot open data. Object fields,
 * field resolvers included, are enforced by their own or their type's rule (enforceFieldAccess,
 * wrapped into the schema), which the schema test proves present; running this guard on them
 * too would repeat that check at the cost of a Nest execution context per field and row.
 */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly logger = new Logger(AuthorizationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authorization: AuthorizationService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const access = this.reflector.getAllAndOverride<FieldAccess | undefined>(AUTHORIZATION_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const gql = GqlExecutionContext.create(context);
    if (!access) {
      const parent = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
      if (!ROOT_TYPES.has(parent)) return true;
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no authorization rule`);
      return false;
    }
    if (access.kind !== 'rule') return true;
    // Root fields have no parent; on a field resolver the parent object is the resource.
    this.authorization.assert(gql.getContext<GraphqlContext>().viewer, access.action, gql.getRoot<unknown>());
    return true;
  }
}
