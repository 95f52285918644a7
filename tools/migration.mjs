#!/usr/bin/env node
// npm run migration:generate -- <PascalCaseName>
// Builds the API, migrates a scratch database to the current migrations, and writes a new
// migration with whatever the entities need beyond them. Uses DATABASE_URL's server when set,
// else an embedded PostgreSQL.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { chooseDataDir, repoRoot, startEmbeddedPostgres } from './lib/embedded-postgres.mjs';

const [command, name] = process.argv.slice(2);
if (command !== 'generate' || !name) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}

execFileSync('npx', ['nx', 'run', 'api:build', '--skip-nx-cache'], { cwd: repoRoot, stdio: 'inherit' });

let serverUrl = process.env.DATABASE_URL;
let embedded;
if (!serverUrl) {
  embedded = await startEmbeddedPostgres({ dataDir: chooseDataDir(join(repoRoot, '.data', 'postgres')).dir, log: console.log });
  serverUrl = embedded.url;
}
const scratch = `commons_migration_scratch_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${scratch}"`);
try {
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  execFileSync(
    'node',
    [join(repoRoot, 'dist/apps/api/apps/api/src/cli/generate-migration.js'), name, join(repoRoot, 'libs/server/database/src/migrations')],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url.toString() } },
  );
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
}
