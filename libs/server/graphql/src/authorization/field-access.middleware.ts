import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { ForbiddenError, type AuthorizationService } from '@commons/server-core';
import type { GraphqlContext } from '../graphql-context';
import type { FieldAccess } from './authorization.decorators';

/**
 * Enforces @Authorize on object types and fields, with the parent object as the resource.
 * A refused type fails with FORBIDDEN; a refused field reads as null, the way a profile
 * shows no e-mail address to those who may not see it.
 */
export function fieldAccessMiddleware(authorization: () => AuthorizationService): FieldMiddleware {
  return (ctx: MiddlewareContext, next: NextFn) => {
    const type = ctx.info.parentType as GraphQLObjectType;
    const field = type.getFields()[ctx.info.fieldName] as GraphQLField<unknown, unknown> | undefined;
    const fieldAccess = field?.extensions['access'] as FieldAccess | undefined;
    const access = fieldAccess ?? (type.extensions['access'] as FieldAccess | undefined);
    if (access?.kind !== 'rule') return next();
    const { viewer } = ctx.context as GraphqlContext;
    if (authorization().can(viewer, access.action, ctx.source)) return next();
    if (fieldAccess) return null;
    throw new ForbiddenError();
  };
}
