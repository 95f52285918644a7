import { DataSource, MigrationExecutor } from 'typeorm';

/** Arbitrary but fixed: every Commons instance takes this advisory lock to migrate. */
const MIGRATION_LOCK_KEY = 727_110_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several API instances
 * starting together migrate once; `lock_timeout` keeps a migration from waiting forever
 * behind a long transaction. Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource, lockTimeoutMs: number): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  // The pool's client-side read timeout (pg's query_timeout) bounds requests; a migration that
  // builds an index on a large table takes longer, so this connection waits as long as it needs.
  const connection = (runner as unknown as { databaseConnection?: { connectionParameters?: { query_timeout?: number | false } } }).databaseConnection?.connectionParameters;
  const readTimeout = connection?.query_timeout;
  if (connection) connection.query_timeout = false;
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await runner.query(`SET lock_timeout = ${Math.trunc(lockTimeoutMs)}`);
      await runner.query('SET statement_timeout = 0');
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((m) => m.name);
    } finally {
      await runner.query('RESET lock_timeout').catch(() => undefined);
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    if (connection) connection.query_timeout = readTimeout;
    await runner.release();
  }
}
