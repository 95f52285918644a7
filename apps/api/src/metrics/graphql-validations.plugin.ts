import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';

/**
 * Counts GraphQL document validations over HTTP. Apollo Server skips parsing and validation
 * for a document it finds in its document store, so this counts only documents it had to
 * validate: with the cache working, the count grows with distinct documents, not requests.
 * The WebSocket path (GraphqlWsServer) validates on its own and is not counted here.
 */
@Plugin()
export class GraphqlValidationsPlugin implements ApolloServerPlugin<BaseContext> {
  private count = 0;
  /** One listener for every request: nothing is allocated per request. */
  private readonly listener: GraphQLRequestListener<BaseContext> = {
    validationDidStart: async () => {
      this.count++;
    },
  };

  get total(): number {
    return this.count;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return this.listener;
  }
}
