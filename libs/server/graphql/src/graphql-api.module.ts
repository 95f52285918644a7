import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, AuthorizationService } from '@commons/server-core';
import { AuthorizationGuard } from './authorization/authorization.guard';
import { enforceFieldAccess } from './authorization/field-access';
import { DomainErrorFilter } from './errors/domain-error.filter';
import { createErrorFormatter } from './errors/error-formatter';
import { VIEWER_RESOLVER, type GraphqlContext, type ViewerResolver } from './graphql-context';
import { limitParseOptions, limitValidationRules } from './limits/graphql-limits';
import { introspectionForSignedInPlugin } from './limits/introspection';
import { GraphqlWsServer } from './realtime/graphql-ws.server';
import { resolveViewer } from './resolve-viewer';
import { RequestLoaders } from './loaders/request-loaders';

export const GRAPHQL_PATH = '/graphql';

/**
 * GraphQL over HTTP (Apollo Server 5) and WebSocket (graphql-ws, see GraphqlWsServer)
 * with the same limits, error masking and authorization. `imports` must provide VIEWER_RESOLVER.
 */
@Module({})
export class GraphqlApiModule {
  static forRoot(options: { imports: ModuleMetadata['imports'] }): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        ...(options.imports ?? []),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: options.imports,
          inject: [APP_CONFIG, VIEWER_RESOLVER, AuthorizationService],
          useFactory: (config: AppConfig, viewers: ViewerResolver, authorization: AuthorizationService) => {
            const logger = new Logger('GraphQL');
            return {
              path: GRAPHQL_PATH,
              autoSchemaFile: true,
              sortSchema: true,
              playground: false,
              introspection: config.graphql.introspection,
              csrfPrevention: true,
              allowBatchedHttpRequests: false,
              includeStacktraceInErrorResponses: false,
              hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
              parseOptions: limitParseOptions(config.graphql.limits),
              validationRules: limitValidationRules(config.graphql.limits),
              transformSchema: (schema) => enforceFieldAccess(schema, () => authorization),
              plugins: [
                introspectionForSignedInPlugin,
                // No cache hints are used (answers depend on who asks): spare the per-field hint bookkeeping.
                ApolloServerPluginCacheControlDisabled(),
                config.graphql.explorer
                  ? ApolloServerPluginLandingPageLocalDefault({ includeCookies: true, embed: true })
                  : ApolloServerPluginLandingPageDisabled(),
              ],
              formatError: createErrorFormatter({
                maskUnexpected: config.graphql.maskUnexpectedErrors,
                hideSchemaHints: !config.graphql.introspection,
                logUnexpected: (errorId, error) => logger.error({ errorId, err: error }, 'Unexpected GraphQL error'),
              }),
              context: async ({ req, res }: { req: Request; res: Response }): Promise<GraphqlContext> => {
                // pino-http sets req.id (the X-Request-Id header or a new UUID).
                const requestId = String((req as Request & { id?: unknown }).id ?? '');
                const viewer = await resolveViewer(viewers, req.headers.cookie);
                return {
                  transport: 'http',
                  loaders: new RequestLoaders(),
                  req,
                  res,
                  // The viewer carries the request's id so services can name it in audit records.
                  viewer: viewer && { ...viewer, requestId },
                  address: req.ip ?? 'unknown',
                  requestId,
                };
              },
            };
          },
        }),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthorizationGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        GraphqlWsServer,
      ],
      exports: [GraphqlWsServer],
    };
  }
}
