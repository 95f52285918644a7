import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Clock, type AppConfig } from '@commons/server-core';
import { runMigrations } from '@commons/server-database';
import { PolicyStore } from '@commons/server-moderation';
import { GRAPHQL_PATH, GraphqlWsServer } from '@commons/server-graphql';
import { AppModule } from './app.module';
import { DemoOrganisation } from './demo/demo-organisation';
import { refuseForeignOrigins, securityHeaders } from './http-security';
import { serveWebClient } from './web/web-client';

export interface StartedApi {
  app: NestExpressApplication;
  url: string;
  appliedMigrations: string[];
  servesWebClient: boolean;
  demoSeeded: boolean;
}

/**
 * Builds and starts the API: migrations first (under an advisory lock), then the demo
 * organisation when asked and the database is empty, then HTTP and WebSocket on one port.
 * Used by main.ts and by the API tests, so tests run the server exactly as it ships.
 */
export async function startApi(config: AppConfig): Promise<StartedApi> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    forceCloseConnections: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API responses: they are POSTs and per-viewer, never revalidated, and hashing each
  // body cost ~60 µs per thread page. The web client's files keep theirs (serve-static sets its own).
  app.set('etag', false);
  app.use(securityHeaders);
  app.use(refuseForeignOrigins(config.allowedOrigins));
  const servesWebClient = serveWebClient(app, config.webRoot);

  const appliedMigrations = await runMigrations(app.get(DataSource), config.database.migrationLockTimeoutMs);
  await app.init();
  // A new platform gets its default moderation policies once its tables exist.
  await app.get(PolicyStore).ensureDefaults(app.get(Clock).now());
  const demoSeeded = config.seedDemo ? await app.get(DemoOrganisation).seedIfEmpty() : false;

  app.get(GraphqlWsServer).attach(app.getHttpServer(), GRAPHQL_PATH);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app, url: `http://localhost:${port}`, appliedMigrations, servesWebClient, demoSeeded };
}
