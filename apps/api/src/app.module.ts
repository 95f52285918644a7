import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CONFIG, CoreModule, ValidationError, type AppConfig } from '@commons/server-core';
import { DatabaseModule } from '@commons/server-database';
import { GraphqlApiModule } from '@commons/server-graphql';
import { IdentityModule } from '@commons/server-identity';
import { CommunitiesModule } from '@commons/server-communities';
import { ForumsModule } from '@commons/server-forums';
import { BlogsModule } from '@commons/server-blogs';
import { SearchModule } from '@commons/server-search';
import { ModerationModule } from '@commons/server-moderation';
import { NotificationsModule } from '@commons/server-notifications';
import { KnowledgeModule } from '@commons/server-knowledge';
import { AnalyticsModule } from '@commons/server-analytics';
import { RealtimeModule } from '@commons/server-realtime';
import { DemoKnowledge } from './demo/demo-knowledge';
import { DemoOrganisation } from './demo/demo-organisation';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { toFieldErrors } from './validation-errors';

/** The composition root: wires domain modules together. No domain logic lives here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolder, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Honour a proxy's X-Request-Id, and echo the id so a client can quote it.
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/u.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        CoreModule,
        DatabaseModule.forRoot(),
        RealtimeModule,
        IdentityModule,
        CommunitiesModule,
        ModerationModule,
        ForumsModule,
        BlogsModule,
        SearchModule,
        NotificationsModule,
        KnowledgeModule,
        AnalyticsModule,
        GraphqlApiModule.forRoot({ imports: [IdentityModule] }),
        MetricsModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        DemoOrganisation,
        DemoKnowledge,
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
          }),
        },
      ],
    };
  }
}

/** Holds the validated configuration for injection everywhere. */
@Module({})
class ConfigHolder {}
