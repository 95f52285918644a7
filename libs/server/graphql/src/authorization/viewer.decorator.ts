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

