import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * TypeORM's own node-postgres pool, for the realtime machinery's statements (NOTIFY, the relay's
 * polling): they are not a request's work and must not count in /metrics or the tests' counts.
 */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
