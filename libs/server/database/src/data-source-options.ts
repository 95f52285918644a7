import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { AppConfig } from '@commons/server-core';
import { migrations } from './migrations';
import type { StatementCounter } from './statement-counter';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one definition of how Commons talks to PostgreSQL. `synchronize` is never on:
 * the schema changes only through the migrations listed in ./migrations.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'database'>,
  entities: EntityList,
  logger?: StatementCounter,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: logger ? ['query'] : false,
    logger,
    maxQueryExecutionTime: 1_000,
    applicationName: 'commons-api',
    extra: {
      max: config.database.poolMax,
      // Fail fast when PostgreSQL is down instead of queueing requests behind dead connections.
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      idleTimeoutMillis: config.database.idleTimeoutMs,
      statement_timeout: config.database.statementTimeoutMs,
      query_timeout: config.database.statementTimeoutMs + 1_000,
      keepAlive: true,
    },
  };
}
