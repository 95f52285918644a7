import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ForbiddenError, type AuthorizationService } from '@commons/server-core';
import type { GraphqlContext } from '../graphql-context';
import type { FieldAccess } from './authorization.decorators';

/**
 * Enforces @Authorize on object types and fields, with the parent object as the resource.
 * A refused type fails with FORBIDDEN; a refused field reads as null, the way a profile
 * shows no e-mail address to those who may not see it.
 *
 * Only the fields that carry a rule (their own or their type's) get a check, wrapped around
 * their resolver once when the schema is built, synchronously. A global field middleware
 * would turn every scalar of every row into a promise: on a page of 20 replies that is most
 * of the server's work.
 */
export function enforceFieldAccess(schema: GraphQLSchema, authorization: () => AuthorizationService): GraphQLSchema {
  // A type's rule is the same for every field of one object: decided once per request, object and rule.
  const decisions = new WeakMap<GraphqlContext, WeakMap<object, Map<string, boolean>>>();
  const allowed = (context: GraphqlContext, source: unknown, action: string): boolean => {
    if (typeof source !== 'object' || source === null) return authorization().can(context.viewer, action, source);
    let byObject = decisions.get(context);
    if (!byObject) decisions.set(context, (byObject = new WeakMap()));
    let byAction = byObject.get(source);
    if (!byAction) byObject.set(source, (byAction = new Map()));
    let decision = byAction.get(action);
    if (decision === undefined) byAction.set(action, (decision = authorization().can(context.viewer, action, source)));
    return decision;
  };
  // Root fields are the guard's (AuthorizationGuard): it knows "signed out" from "not allowed".
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    const typeAccess = type.extensions['access'] as FieldAccess | undefined;
    for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, GraphqlContext>>) {
      const fieldAccess = field.extensions['access'] as FieldAccess | undefined;
      const access = fieldAccess ?? typeAccess;
      if (access?.kind !== 'rule') continue;
      const resolve: GraphQLFieldResolver<unknown, GraphqlContext> = field.resolve ?? defaultFieldResolver;
      const refused = fieldAccess
        ? () => null
        : () => {
            throw new ForbiddenError();
          };
      field.resolve = (source, args, context, info) => (allowed(context, source, access.action) ? resolve(source, args, context, info) : refused());
    }
  }
  return schema;
}
