import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '@commons/shared-contracts';
import type { GraphqlContext } from '../graphql-context';

export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function introspectionNeedsSignIn(): GraphQLError {
  return new GraphQLError('Sign in to explore the schema.', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });
}

/** Where introspection is enabled (development), only signed-in people may use it. */
export const introspectionForSignedInPlugin: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, contextValue }) {
        if (!contextValue.viewer && isIntrospection(document)) throw introspectionNeedsSignIn();
      },
    };
  },
};
