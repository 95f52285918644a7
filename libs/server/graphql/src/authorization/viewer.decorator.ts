import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError, type Viewer } from '@commons/server-core';
import type { GraphqlContext } from '../graphql-context';

/**
 * The signed-in viewer of a GraphQL context; UNAUTHENTICATED when signed out. What
 * @CurrentViewer gives, for field resolvers that take GraphQL's own (parent, args, context)
 * arguments instead of parameter decorators (see `viewerCan` in the forums resolver).
 */
export function viewerOf(context: GraphqlContext): Viewer {
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

/** The signed-in viewer of a resolver guarded by @Authorize (which already refused anonymous callers). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  viewerOf(GqlExecutionContext.create(context).getContext<GraphqlContext>()),
);
