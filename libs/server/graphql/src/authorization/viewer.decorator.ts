import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '@commons/server-core';
import type { GraphqlContext } from '../graphql-context';

/** The signed-in viewer of a resolver guarded by @Authorize (which already refused anonymous callers). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const viewer = GqlExecutionContext.create(context).getContext<GraphqlContext>().viewer;
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
});

/** The request's id (the X-Request-Id the client sees), for audit records. */
export const CurrentRequestId = createParamDecorator((_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphqlContext>().requestId ?? null);
