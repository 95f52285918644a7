import type { Pool } from 'pg';

interface Deferred {
  indexes: Array<{ name: string; definition: string }>;
  foreignKeys: Array<{ table: string; name: string; definition: string }>;
}

/**
 * Drops the secondary indexes (full-text GIN indexes included) and foreign keys of the tables
 * about to be bulk loaded, and gives back what re-creates them: building an index once over
 * a loaded table is far cheaper than maintaining it row by row. Primary keys and unique
 * constraints stay (they guard the generator's own mistakes).
 */
export async function deferIndexes(pool: Pool, tables: readonly string[]): Promise<Deferred> {
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  const { rows: foreignKeys } = await pool.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))`,
    [tables],
  );
  for (const fk of foreignKeys) await pool.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await pool.query(`DROP INDEX "${index.name}"`);
  return { indexes, foreignKeys };
}

/** Re-creates what `deferIndexes` dropped, `parallel` statements at a time, reporting each. */
export async function restoreIndexes(pool: Pool, deferred: Deferred, parallel: number, onDone: (what: string) => void): Promise<void> {
  const statements = [
    ...deferred.indexes.map((i) => ({ what: `index ${i.name}`, sql: i.definition })),
    ...deferred.foreignKeys.map((fk) => ({ what: `foreign key ${fk.name}`, sql: `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}` })),
  ];
  // Indexes first (foreign keys validate faster with them), in parallel on separate connections.
  let next = 0;
  const worker = async (phase: 'index' | 'foreign key') => {
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (;;) {
        const statement = statements[next];
        if (!statement || !statement.what.startsWith(phase)) return;
        next++;
        await client.query(statement.sql);
        onDone(statement.what);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, () => worker('index')));
  await Promise.all(Array.from({ length: parallel }, () => worker('foreign key')));
}
