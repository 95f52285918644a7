import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, type Viewer } from '@commons/server-core';
import { ErrorCode } from '@commons/shared-contracts';
import type { ViewerResolver } from './graphql-context';

/** Resolves the viewer for a request; a database outage becomes a 503 SERVICE_UNAVAILABLE, not a 500. */
export async function resolveViewer(viewers: ViewerResolver, cookieHeader: string | undefined): Promise<Viewer | null> {
  try {
    return await viewers.resolve(cookieHeader);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new GraphQLError('The database is unavailable right now. Try again in a moment.', {
      extensions: { code: ErrorCode.ServiceUnavailable, http: { status: 503 } },
    });
  }
}
