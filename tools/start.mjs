#!/usr/bin/env node
// npm start: builds the API and the web client, starts PostgreSQL (embedded unless
// DATABASE_URL is set), and runs the platform on one port (PORT, default 3000).
import { builtApiMain, database, dataDir, run, say, supervise } from './lib/platform.mjs';

say('Building the API and the web client (cached after the first time)…');
run(['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static']);

const pg = await database();
const production = process.env.NODE_ENV === 'production';
const code = await supervise(process.execPath, [builtApiMain], {
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATABASE_URL: pg.url,
  COMMONS_DATA_DIR: dataDir,
  // The demo organisation is written only into an empty database.
  SEED_DEMO: process.env.SEED_DEMO ?? (production ? 'false' : 'true'),
  // Keep the terminal to the start summary and problems; LOG_LEVEL=info shows every request.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
await pg.stop();
process.exit(code);
